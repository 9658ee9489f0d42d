import type { Metadata } from "next";
import Link from "next/link";
import { canEditSitePages } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { listSitePagesForNewsroom } from "@/lib/pages/pages";
import { sitePagePath } from "@/lib/paths";
import { Forbidden } from "../forbidden";
import { ReaderLink } from "../../reader-link";
import { saveSitePageAction } from "./actions";
import { SitePageForm } from "./site-page-form";

export const metadata: Metadata = { title: "صفحات الموقع" };

export default async function SitePagesPage() {
  const editor = await requireNewsroomUser();
  if (!canEditSitePages(editor)) return <Forbidden />;
  const pages = await listSitePagesForNewsroom(editor);
  return (
    <>
      <h1>صفحات الموقع</h1>
      {pages.length > 0 ? (
        <ul className="admin-list">
          {pages.map((page) => (
            <li key={page.id}>
              <Link href={`/admin/pages/${page.id}`}>{page.title}</Link>{" "}
              <ReaderLink href={sitePagePath(page.slug)}>عرض</ReaderLink>
            </li>
          ))}
        </ul>
      ) : (
        <p>لا صفحات بعد.</p>
      )}
      <h2>صفحة جديدة</h2>
      <SitePageForm action={saveSitePageAction.bind(null, null)} page={null} />
    </>
  );
}

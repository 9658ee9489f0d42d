import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { bodyToMarkdown } from "@/lib/articles/body/markdown";
import { canEditSitePages } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { getSitePageById } from "@/lib/pages/pages";
import { sitePagePath } from "@/lib/paths";
import { Forbidden } from "../../forbidden";
import { ReaderLink } from "../../../reader-link";
import { saveSitePageAction } from "../actions";
import { SitePageForm } from "../site-page-form";

export const metadata: Metadata = { title: "تحرير صفحة" };

export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  const editor = await requireNewsroomUser();
  if (!canEditSitePages(editor)) return <Forbidden />;
  const id = Number((await params).id);
  const page = Number.isSafeInteger(id) && id > 0 ? await getSitePageById(editor, id) : null;
  if (!page) notFound();
  return (
    <>
      <h1>{page.title}</h1>
      <p>
        <ReaderLink href={sitePagePath(page.slug)}>عرض الصفحة</ReaderLink>
      </p>
      <SitePageForm
        action={saveSitePageAction.bind(null, page.id)}
        page={{ title: page.title, slug: page.slug, markdown: bodyToMarkdown(page.body) }}
      />
    </>
  );
}

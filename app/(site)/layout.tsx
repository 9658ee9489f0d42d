import type { ReactNode } from "react";
import { listSitePages } from "@/lib/pages/pages";
import { listSections } from "@/lib/taxonomy/sections";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [sections, pages] = await Promise.all([listSections(), listSitePages()]);
  return (
    <>
      <SiteHeader sections={sections} />
      <main id="main" className="site-main">
        {children}
      </main>
      <SiteFooter pages={pages} />
    </>
  );
}

import type { SitePageLink } from "@/lib/pages/pages";
import { sitePagePath } from "@/lib/paths";
import { site } from "@/lib/site";

export function SiteFooter({ pages }: { pages: readonly SitePageLink[] }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-name-small">{site.name}</p>
        <p>{site.description}</p>
        {pages.length > 0 ? (
          <nav aria-label="صفحات الموقع">
            <ul className="footer-pages">
              {pages.map((page) => (
                <li key={page.slug}>
                  <a href={sitePagePath(page.slug)}>{page.title}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </footer>
  );
}

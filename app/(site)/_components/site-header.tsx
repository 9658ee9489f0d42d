import Link from "next/link";
import type { SectionLink } from "@/lib/taxonomy/sections";
import { formatArabicDate } from "@/lib/format";
import { sectionPath } from "@/lib/paths";
import { site } from "@/lib/site";
import { SearchBox } from "./search-box";

export function SiteHeader({ sections }: { sections: readonly SectionLink[] }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        تخطَّ إلى المحتوى
      </a>
      <div className="masthead container">
        <Link href="/" className="site-name">
          {site.name}
        </Link>
        <p className="today">{formatArabicDate(new Date())}</p>
        <SearchBox />
      </div>
      <nav className="sections-nav" aria-label="الأقسام">
        <ul className="container">
          <li>
            <Link href="/">الرئيسية</Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={sectionPath(section.slug)}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

import Link from "next/link";
import { formatArabicNumber } from "@/lib/format";

/** Previous / next links of a newsroom list, with where the editor is. Nothing for a single page. */
export function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="الصفحات">
      {page > 1 ? <Link href={href(page - 1)}>السابقة</Link> : null}
      <span>{`الصفحة ${formatArabicNumber(page)} من ${formatArabicNumber(pageCount)}`}</span>
      {page < pageCount ? <Link href={href(page + 1)}>التالية</Link> : null}
    </nav>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { formatArabicNumber, truncateAtWord } from "@/lib/format";
import { articlePath } from "@/lib/paths";
import { searchArticles } from "@/lib/search";
import { HighlightedText } from "../_components/highlighted-text";
import { PublishedDate } from "../_components/published-date";
import { SearchBox } from "../_components/search-box";
import { SectionKicker } from "../_components/section-kicker";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function readParams(searchParams: Props["searchParams"]) {
  const params = await searchParams;
  return { query: (first(params.q) ?? "").trim(), page: first(params.page) };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = await readParams(searchParams);
  // Result pages are for readers, not for search engines.
  return { title: query ? `بحث: ${truncateAtWord(query, 60)}` : "بحث", robots: { index: false } };
}

const pluralRules = new Intl.PluralRules("ar");

/** "نتيجة واحدة", "نتيجتان", "٣ نتائج", "١١ نتيجة"… */
function resultCount(total: number): string {
  switch (pluralRules.select(total)) {
    case "one":
      return "نتيجة واحدة";
    case "two":
      return "نتيجتان";
    case "few":
      return `${formatArabicNumber(total)} نتائج`;
    default:
      return `${formatArabicNumber(total)} نتيجة`;
  }
}

const searchPath = (query: string, page: number) => `/search?q=${encodeURIComponent(query)}&page=${page}`;

export default async function SearchPage({ searchParams }: Props) {
  const { query, page } = await readParams(searchParams);
  const outcome = await searchArticles(query, page);

  return (
    <div className="container search-page">
      <h1 className="page-title">البحث في الأخبار</h1>
      <SearchBox label="تعديل البحث" defaultValue={query} />
      {outcome.kind === "invalid" ? (
        <p role="status" className="search-message">
          {outcome.message}
        </p>
      ) : outcome.total === 0 ? (
        <p role="status" className="empty">
          لم نجد أخبارًا تطابق «<bdi>{query}</bdi>». جرّب كلمات أخرى أو كلمات أقل.
        </p>
      ) : (
        <>
          <p id="search-summary" className="search-summary">
            {resultCount(outcome.total)} للبحث عن «<bdi>{query}</bdi>»
          </p>
          <ol className="search-results" aria-labelledby="search-summary">
            {outcome.results.map((result) => (
              <li key={result.slug} className="search-result">
                <SectionKicker section={result.section} />
                <h2 className="search-result-headline">
                  <Link href={articlePath(result.slug)}>
                    <HighlightedText text={result.headline} terms={outcome.terms} />
                  </Link>
                </h2>
                {result.excerpt ? (
                  <p className="search-result-excerpt">
                    <HighlightedText text={result.excerpt} terms={outcome.terms} />
                  </p>
                ) : null}
                <p className="meta">
                  <PublishedDate date={result.publishedAt} />
                </p>
              </li>
            ))}
          </ol>
          {outcome.pageCount > 1 ? (
            <nav className="search-pagination" aria-label="صفحات النتائج">
              {outcome.page > 1 ? (
                <Link href={searchPath(query, outcome.page - 1)} rel="prev">
                  الصفحة السابقة
                </Link>
              ) : null}
              <span>{`الصفحة ${formatArabicNumber(outcome.page)} من ${formatArabicNumber(outcome.pageCount)}`}</span>
              {outcome.page < outcome.pageCount ? (
                <Link href={searchPath(query, outcome.page + 1)} rel="next">
                  الصفحة التالية
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

import Link from "next/link";
import type { ListingPage } from "../listing";
import { ArticleCard } from "./article-card";

/** A section's, tag's, author's or source's page: its name and its latest articles. */
interface Props {
  title: string;
  /** A line under the title: an author's biography, a source's description. */
  intro?: string | null;
  page: ListingPage;
  /** The page's own address, to which `?before=` is added for older articles. */
  basePath: string;
  empty: string;
}

export function ArticleList({ title, intro, page, basePath, empty }: Props) {
  const { articles } = page;
  return (
    <div className="container">
      <h1 className="page-title">{title}</h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {articles.length ? (
        <div className="card-grid">
          {articles.map((article) => (
            <ArticleCard key={article.slug} article={article} level={2} />
          ))}
        </div>
      ) : (
        <p className="empty">{page.isFirstPage ? empty : "لا توجد أخبار أقدم."}</p>
      )}
      {page.olderCursor || !page.isFirstPage ? (
        <nav className="pagination" aria-label="صفحات الأخبار">
          {page.isFirstPage ? null : <Link href={basePath}>العودة إلى الأحدث</Link>}
          {page.olderCursor ? (
            <Link href={`${basePath}?before=${encodeURIComponent(page.olderCursor)}`} rel="next">
              أخبار أقدم
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

import type { ArticleCard as ArticleCardData } from "@/lib/articles";
import { ArticleCard } from "./article-card";

/** A section's, tag's, author's or source's page: its name and its latest articles. */
interface Props {
  title: string;
  /** A line under the title: an author's biography, a source's description. */
  intro?: string | null;
  articles: readonly ArticleCardData[];
  empty: string;
}

export function ArticleList({ title, intro, articles, empty }: Props) {
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
        <p className="empty">{empty}</p>
      )}
    </div>
  );
}

import type { ArticleCard as ArticleCardData } from "@/lib/articles";
import { ArticleCard } from "./article-card";

/** A section's or a tag's page: its name and its latest articles. */
export function ArticleList({ title, articles, empty }: { title: string; articles: readonly ArticleCardData[]; empty: string }) {
  return (
    <div className="container">
      <h1 className="page-title">{title}</h1>
      {articles.length ? (
        <div className="card-grid">
          {articles.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      ) : (
        <p className="empty">{empty}</p>
      )}
    </div>
  );
}

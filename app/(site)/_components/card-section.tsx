import type { ArticleCard as ArticleCardData } from "@/lib/articles/reads";
import { ArticleCard } from "./article-card";

/** A titled group of article cards under the page's main heading (latest news, related news). */
export function CardSection({
  id,
  title,
  articles,
}: {
  id: string;
  title: string;
  articles: readonly ArticleCardData[];
}) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={id} className="card-section">
      <h2 id={id} className="section-heading">
        {title}
      </h2>
      <div className="card-grid">
        {articles.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
    </section>
  );
}

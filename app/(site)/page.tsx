import type { Metadata } from "next";
import { listLatestArticles } from "@/lib/articles/reads";
import { feedAlternateTypes } from "@/lib/distribution/feed-links";
import { site } from "@/lib/site";
import { ArticleCard } from "./_components/article-card";
import { CardSection } from "./_components/card-section";

// The title is the layout's default (the site name); metadataBase makes the canonical absolute.
export const metadata: Metadata = {
  description: site.description,
  alternates: { canonical: "/", types: feedAlternateTypes() },
};

// Served from Next's cache; lib/cache/expiry.ts expires it when an article changes. The hour is a
// safety net for changes made to the database outside the app.
export const revalidate = 3600;

export default async function HomePage() {
  const [lead, ...rest] = await listLatestArticles({ limit: 21 });
  return (
    <div className="container home">
      <h1 className="visually-hidden">آخر الأخبار</h1>
      {lead ? (
        <>
          <ArticleCard article={lead} lead />
          <CardSection id="latest-heading" title="أحدث الأخبار" articles={rest} />
        </>
      ) : (
        <p className="empty">لا توجد أخبار منشورة بعد.</p>
      )}
    </div>
  );
}

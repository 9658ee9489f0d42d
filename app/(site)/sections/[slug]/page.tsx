import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listSectionArticles } from "@/lib/articles";
import { getSectionBySlug } from "@/lib/sections";
import { ArticleCard } from "../../_components/article-card";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const getSection = loadBySlugParam(getSectionBySlug);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection((await params).slug);
  return section ? { title: section.name, description: `آخر أخبار قسم ${section.name}` } : {};
}

export default async function SectionPage({ params }: Props) {
  const section = await getSection((await params).slug);
  if (!section) notFound();
  const articles = await listSectionArticles(section.slug);
  return (
    <div className="container">
      <h1 className="page-title">{section.name}</h1>
      {articles.length ? (
        <div className="card-grid">
          {articles.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      ) : (
        <p className="empty">لا توجد أخبار منشورة في هذا القسم بعد.</p>
      )}
    </div>
  );
}

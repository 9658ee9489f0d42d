import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listTagArticles } from "@/lib/articles";
import { feedAlternateTypes } from "@/lib/feed-links";
import { tagPath } from "@/lib/paths";
import { getTagBySlug } from "@/lib/tags";
import { ArticleList } from "../../_components/article-list";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const getTag = loadBySlugParam(getTagBySlug);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getTag((await params).slug);
  if (!tag) return {};
  return {
    title: tag.name,
    description: `آخر الأخبار عن ${tag.name}`,
    // `alternates` replaces the layout's, so the site feed is listed again.
    alternates: { canonical: tagPath(tag.slug), types: feedAlternateTypes() },
  };
}

export default async function TagPage({ params }: Props) {
  const tag = await getTag((await params).slug);
  if (!tag) notFound();
  return <ArticleList title={tag.name} articles={await listTagArticles(tag.slug)} empty="لا توجد أخبار منشورة بهذا الوسم بعد." />;
}

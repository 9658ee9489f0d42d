import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listTagArticles } from "@/lib/articles";
import { getTagBySlug } from "@/lib/tags";
import { ArticleList } from "../../_components/article-list";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const getTag = loadBySlugParam(getTagBySlug);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getTag((await params).slug);
  return tag ? { title: tag.name, description: `آخر الأخبار عن ${tag.name}` } : {};
}

export default async function TagPage({ params }: Props) {
  const tag = await getTag((await params).slug);
  if (!tag) notFound();
  return <ArticleList title={tag.name} articles={await listTagArticles(tag.slug)} empty="لا توجد أخبار منشورة بهذا الوسم بعد." />;
}

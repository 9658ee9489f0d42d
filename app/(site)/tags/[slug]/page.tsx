import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { feedAlternateTypes } from "@/lib/feed-links";
import { tagPath } from "@/lib/paths";
import { getTagBySlug } from "@/lib/tags";
import { ArticleList } from "../../_components/article-list";
import { loadListingPage } from "../../listing";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string | string[] }> };

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

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await getTag((await params).slug);
  if (!tag) notFound();
  const page = await loadListingPage({ kind: "tag", slug: tag.slug }, searchParams);
  return <ArticleList title={tag.name} page={page} basePath={tagPath(tag.slug)} empty="لا توجد أخبار منشورة بهذا الوسم بعد." />;
}

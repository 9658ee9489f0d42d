import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { feedAlternateTypes } from "@/lib/distribution/feed-links";
import { tagPath } from "@/lib/paths";
import { getTagBySlug } from "@/lib/taxonomy/tags";
import { ArticleList } from "../../../_components/article-list";
import { loadListingPage, type ListingPageParam } from "../../../listing";
import { loadBySlugParam } from "../../../slug-param";
import { noPagesAtBuild } from "../../../static-params";

// Served from Next's cache, built on first request; lib/cache/expiry.ts expires it when its articles
// change. The hour is a safety net for changes made to the database outside the app.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Props = { params: Promise<{ slug: string; page?: ListingPageParam }> };

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
  const page = await loadListingPage({ kind: "tag", slug: tag.slug }, (await params).page);
  return (
    <ArticleList
      title={tag.name}
      page={page}
      basePath={tagPath(tag.slug)}
      empty="لا توجد أخبار منشورة بهذا الوسم بعد."
    />
  );
}

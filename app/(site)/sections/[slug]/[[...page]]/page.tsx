import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { feedAlternateTypes, sectionFeedAlternate } from "@/lib/distribution/feed-links";
import { sectionPath } from "@/lib/paths";
import { getSectionBySlug } from "@/lib/taxonomy/sections";
import { ArticleList } from "../../../_components/article-list";
import { loadListingPage, type ListingPageParam } from "../../../listing";
import { loadBySlugParam } from "../../../slug-param";
import { noPagesAtBuild } from "../../../static-params";

// Served from Next's cache, built on first request; lib/cache/expiry.ts expires it when its articles
// change. The hour is a safety net for changes made to the database outside the app.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Props = { params: Promise<{ slug: string; page?: ListingPageParam }> };

const getSection = loadBySlugParam(getSectionBySlug);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection((await params).slug);
  if (!section) return {};
  return {
    title: section.name,
    description: `آخر أخبار قسم ${section.name}`,
    alternates: { canonical: sectionPath(section.slug), types: feedAlternateTypes(sectionFeedAlternate(section)) },
  };
}

export default async function SectionPage({ params }: Props) {
  const section = await getSection((await params).slug);
  if (!section) notFound();
  const page = await loadListingPage({ kind: "section", slug: section.slug }, (await params).page);
  return (
    <ArticleList
      title={section.name}
      page={page}
      basePath={sectionPath(section.slug)}
      empty="لا توجد أخبار منشورة في هذا القسم بعد."
    />
  );
}

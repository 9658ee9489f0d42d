import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { feedAlternateTypes, sectionFeedAlternate } from "@/lib/feed-links";
import { sectionPath } from "@/lib/paths";
import { getSectionBySlug } from "@/lib/sections";
import { ArticleList } from "../../_components/article-list";
import { loadListingPage } from "../../listing";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string | string[] }> };

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

export default async function SectionPage({ params, searchParams }: Props) {
  const section = await getSection((await params).slug);
  if (!section) notFound();
  const page = await loadListingPage({ kind: "section", slug: section.slug }, searchParams);
  return <ArticleList title={section.name} page={page} basePath={sectionPath(section.slug)} empty="لا توجد أخبار منشورة في هذا القسم بعد." />;
}

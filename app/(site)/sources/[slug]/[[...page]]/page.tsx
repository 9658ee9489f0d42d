import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSourceLabel } from "@/lib/articles/sources";
import { feedAlternateTypes } from "@/lib/distribution/feed-links";
import { sourcePath } from "@/lib/paths";
import { slugify } from "@/lib/slug";
import { site } from "@/lib/site";
import { ArticleList } from "../../../_components/article-list";
import { loadListingPage, type ListingPageParam } from "../../../listing";
import { loadBySlugParam } from "../../../slug-param";
import { noPagesAtBuild } from "../../../static-params";

// Served from Next's cache, built on first request; lib/cache/expiry.ts expires it when its articles
// change. The hour is a safety net for changes made to the database outside the app.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Props = { params: Promise<{ slug: string; page?: ListingPageParam }> };

const loadSource = loadBySlugParam(getSourceLabel);
const describe = (label: string) => `الأخبار التي نشرها ${site.name} بتوقيع «${label}».`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const label = await loadSource((await params).slug);
  if (!label) return {};
  return {
    title: label,
    description: describe(label),
    alternates: { canonical: sourcePath(slugify(label)), types: feedAlternateTypes() },
  };
}

export default async function SourcePage({ params }: Props) {
  const label = await loadSource((await params).slug);
  if (!label) notFound();
  const page = await loadListingPage({ kind: "source", label }, (await params).page);
  return (
    <ArticleList
      title={label}
      intro={describe(label)}
      page={page}
      basePath={sourcePath(slugify(label))}
      empty="لا توجد أخبار بهذا التوقيع بعد."
    />
  );
}

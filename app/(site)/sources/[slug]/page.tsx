import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSourceLabel } from "@/lib/authors";
import { feedAlternateTypes } from "@/lib/feed-links";
import { sourcePath } from "@/lib/paths";
import { slugify } from "@/lib/slug";
import { site } from "@/lib/site";
import { ArticleList } from "../../_components/article-list";
import { loadListingPage } from "../../listing";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string | string[] }> };

const loadSource = loadBySlugParam(getSourceLabel);
const describe = (label: string) => `الأخبار التي نشرها ${site.name} بتوقيع «${label}».`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const label = await loadSource((await params).slug);
  if (!label) return {};
  return { title: label, description: describe(label), alternates: { canonical: sourcePath(slugify(label)), types: feedAlternateTypes() } };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const label = await loadSource((await params).slug);
  if (!label) notFound();
  const page = await loadListingPage({ kind: "source", label }, searchParams);
  return <ArticleList title={label} intro={describe(label)} page={page} basePath={sourcePath(slugify(label))} empty="لا توجد أخبار بهذا التوقيع بعد." />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listSourceArticles } from "@/lib/articles";
import { getSourceLabel } from "@/lib/authors";
import { site } from "@/lib/site";
import { ArticleList } from "../../_components/article-list";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const loadSource = loadBySlugParam(getSourceLabel);
const describe = (label: string) => `الأخبار التي نشرها ${site.name} بتوقيع «${label}».`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const label = await loadSource((await params).slug);
  return label ? { title: label, description: describe(label) } : {};
}

export default async function SourcePage({ params }: Props) {
  const label = await loadSource((await params).slug);
  if (!label) notFound();
  return <ArticleList title={label} intro={describe(label)} articles={await listSourceArticles(label)} empty="لا توجد أخبار بهذا التوقيع بعد." />;
}

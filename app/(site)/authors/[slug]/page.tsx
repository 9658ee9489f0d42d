import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAuthor } from "@/lib/authors";
import { feedAlternateTypes } from "@/lib/feed-links";
import { authorPath } from "@/lib/paths";
import { ArticleList } from "../../_components/article-list";
import { loadListingPage } from "../../listing";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string | string[] }> };

const loadAuthor = loadBySlugParam(getAuthor);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await loadAuthor((await params).slug);
  if (!author) return {};
  return {
    title: author.name,
    description: author.bio ?? `مقالات ${author.name}`,
    alternates: { canonical: authorPath(author.slug ?? author.id), types: feedAlternateTypes() },
  };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await loadAuthor((await params).slug);
  if (!author) notFound();
  const page = await loadListingPage({ kind: "author", id: author.id }, searchParams);
  return (
    <ArticleList
      title={author.name}
      intro={author.bio}
      page={page}
      basePath={authorPath(author.slug ?? author.id)}
      empty="لم تُنشر مقالات لهذا الكاتب بعد."
    />
  );
}

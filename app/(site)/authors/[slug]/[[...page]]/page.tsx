import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAuthor } from "@/lib/taxonomy/authors";
import { feedAlternateTypes } from "@/lib/distribution/feed-links";
import { authorPath } from "@/lib/paths";
import { ArticleList } from "../../../_components/article-list";
import { loadListingPage, type ListingPageParam } from "../../../listing";
import { loadBySlugParam } from "../../../slug-param";
import { noPagesAtBuild } from "../../../static-params";

// Served from Next's cache, built on first request; lib/cache/expiry.ts expires it when its articles
// change. The hour is a safety net for changes made to the database outside the app.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Props = { params: Promise<{ slug: string; page?: ListingPageParam }> };

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

export default async function AuthorPage({ params }: Props) {
  const author = await loadAuthor((await params).slug);
  if (!author) notFound();
  const page = await loadListingPage({ kind: "author", id: author.id }, (await params).page);
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

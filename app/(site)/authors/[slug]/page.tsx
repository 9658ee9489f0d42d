import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listAuthorArticles } from "@/lib/articles";
import { getAuthor } from "@/lib/authors";
import { ArticleList } from "../../_components/article-list";
import { loadBySlugParam } from "../../slug-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const loadAuthor = loadBySlugParam(getAuthor);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await loadAuthor((await params).slug);
  return author ? { title: author.name, description: author.bio ?? `مقالات ${author.name}` } : {};
}

export default async function AuthorPage({ params }: Props) {
  const author = await loadAuthor((await params).slug);
  if (!author) notFound();
  return (
    <ArticleList
      title={author.name}
      intro={author.bio}
      articles={await listAuthorArticles(author.id)}
      empty="لم تُنشر مقالات لهذا الكاتب بعد."
    />
  );
}

import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, permanentRedirect } from "next/navigation";
import { bodyExcerpt } from "@/lib/article-body";
import { getPublicArticleBySlug } from "@/lib/articles";
import { listApprovedComments, listOwnPendingComments } from "@/lib/comments";
import { articlePath } from "@/lib/paths";
import { readPendingCommentIds } from "@/lib/pending-comments";
import { findRenamedArticleSlug } from "@/lib/redirects";
import { slugFromParam } from "@/lib/slug";
import { ArticleView, commentsLabel } from "../../_components/article-view";
import { loadBySlugParam } from "../../slug-param";
import { postCommentAction } from "./actions";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const getArticle = loadBySlugParam((slug) => getPublicArticleBySlug(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  const description = article.dek ?? bodyExcerpt(article.body, 200);
  return {
    title: article.headline,
    description,
    alternates: { canonical: articlePath(article.slug) },
    openGraph: {
      type: "article",
      title: article.headline,
      description,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.section?.name,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const slug = slugFromParam((await params).slug);
  const article = await getArticle((await params).slug);
  if (!article) {
    const renamed = slug ? await findRenamedArticleSlug(slug) : null;
    if (renamed) permanentRedirect(articlePath(renamed));
    notFound();
  }
  const [comments, ownPending] = await Promise.all([
    listApprovedComments(article.id),
    listOwnPendingComments(article.id, readPendingCommentIds(await cookies())),
  ]);

  return (
    <div className="container article-layout">
      <ArticleView article={article} />
      <section id="comments" className="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{commentsLabel(article.approvedCommentCount)}</h2>
        <CommentList comments={comments} pending={ownPending} />
        <CommentForm action={postCommentAction.bind(null, article.id, article.slug)} open={article.commentsOpen} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicArticleBySlug } from "@/lib/articles/reads";
import { getApprovedComment } from "@/lib/comments/listing";
import { commentFormToken } from "@/lib/comments/spam";
import { articlePath } from "@/lib/paths";
import { loadBySlugParam } from "../../../../slug-param";
import { postCommentAction } from "../../actions";
import { CommentForm } from "../../comment-form";
import { CommentItem } from "../../comment-item";

// The comment answered is read as it is now: a reply page is asked for by one reader at a time,
// and one held or removed since the article page was cached is not offered for a reply.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false } };

type Props = { params: Promise<{ slug: string; commentId: string }> };

const getArticle = loadBySlugParam((slug) => getPublicArticleBySlug(slug));

/** Where a reader answers one published comment, with or without JavaScript. */
export default async function ReplyToComment({ params }: Props) {
  const { slug, commentId } = await params;
  const article = await getArticle(slug);
  const id = /^\d{1,9}$/.test(commentId) ? Number(commentId) : null;
  const parent = article && id !== null ? await getApprovedComment(article.id, id) : null;
  if (!article || !parent) notFound();

  return (
    <div className="container reply-page">
      <p className="breadcrumb">
        <a href={`${articlePath(article.slug)}#comment-${parent.id}`}>← {article.headline}</a>
      </p>
      <h1>الرد على تعليق</h1>
      <ol className="comment-list">
        <CommentItem comment={parent} />
      </ol>
      <CommentForm
        action={postCommentAction.bind(null, { articleId: article.id, articleSlug: article.slug, parentId: parent.id })}
        articleId={article.id}
        open={article.commentsOpen}
        token={commentFormToken()}
        title="ردّك"
      />
    </div>
  );
}

import type { ThreadedComment } from "@/lib/comments/listing";
import { articleReplyPath } from "@/lib/paths";
import { CommentItem } from "./comment-item";

/**
 * The published comments, oldest first, each reply under the comment it answers: part of the cached
 * article page. Each has a link to its reply page, which works without JavaScript.
 */
export function CommentList({ articleSlug, comments }: { articleSlug: string; comments: readonly ThreadedComment[] }) {
  if (comments.length === 0) return null;
  return <Thread articleSlug={articleSlug} comments={comments} className="comment-list" />;
}

function Thread({
  articleSlug,
  comments,
  className,
}: {
  articleSlug: string;
  comments: readonly ThreadedComment[];
  className: string;
}) {
  return (
    <ol className={className}>
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} replyHref={articleReplyPath(articleSlug, comment.id)}>
          {comment.replies.length > 0 ? (
            <Thread articleSlug={articleSlug} comments={comment.replies} className="comment-replies" />
          ) : null}
        </CommentItem>
      ))}
    </ol>
  );
}

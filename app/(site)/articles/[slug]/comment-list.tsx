import type { PublicComment } from "@/lib/comments/listing";
import { CommentItem } from "./comment-item";

/** The published comments, oldest first: part of the cached article page. */
export function CommentList({ comments }: { comments: readonly PublicComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ol className="comment-list">
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} />
      ))}
    </ol>
  );
}

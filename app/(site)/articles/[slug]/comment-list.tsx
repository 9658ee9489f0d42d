import type { PublicComment } from "@/lib/comments";
import { PublishedDate } from "../../_components/published-date";

/** Commenters write in any direction: names are isolated with <bdi>, bodies take their own direction. */
export function CommentList({ comments }: { comments: readonly PublicComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ol className="comment-list">
      {comments.map((comment) => (
        <li key={comment.id} className="comment">
          <p className="comment-meta">
            <bdi className="comment-author">{comment.authorName}</bdi>
            <span aria-hidden="true"> · </span>
            <PublishedDate date={comment.createdAt} />
          </p>
          <div className="comment-body" dir="auto">
            {comment.body.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index} dir="auto">
                {paragraph}
              </p>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

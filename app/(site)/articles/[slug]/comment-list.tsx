import type { PublicComment } from "@/lib/comments";
import { PublishedDate } from "../../_components/published-date";

/** Commenters write in any direction: names are isolated with <bdi>, bodies take their own direction. */
export function CommentList({ comments, pending }: { comments: readonly PublicComment[]; pending: readonly PublicComment[] }) {
  if (comments.length === 0 && pending.length === 0) return null;
  return (
    <ol className="comment-list">
      {[...comments, ...pending].map((comment, index) => (
        <li key={comment.id} className={index < comments.length ? "comment" : "comment comment-pending"}>
          {index >= comments.length ? <p className="pending-label">تعليقك بانتظار المراجعة، ولا يراه غيرك الآن.</p> : null}
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

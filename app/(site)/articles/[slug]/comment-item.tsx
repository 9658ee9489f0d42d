import type { ReactNode } from "react";
import { PublishedDate } from "../../_components/published-date";

export interface CommentView {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
}

/**
 * One comment, published or the reader's own held one. Commenters write in any direction: names are
 * isolated with <bdi>, bodies take their own direction. Rendered on the server (the cached page) and
 * in the browser (the reader's held comments), so it imports nothing server-only.
 */
export function CommentItem({
  comment,
  held = false,
  replyHref,
  children,
}: {
  comment: CommentView;
  held?: boolean;
  /** The page to answer it on (published comments only). */
  replyHref?: string;
  /** Its replies. */
  children?: ReactNode;
}) {
  return (
    <li className={held ? "comment comment-pending" : "comment"} id={held ? undefined : `comment-${comment.id}`}>
      {held ? <p className="pending-label">تعليقك بانتظار المراجعة، ولا يراه غيرك الآن.</p> : null}
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
      {replyHref ? (
        <p className="comment-actions">
          <a href={replyHref} rel="nofollow" aria-label={`ردّ على ${comment.authorName}`}>
            ردّ
          </a>
        </p>
      ) : null}
      {children}
    </li>
  );
}

"use client";

import { useEffect, useState } from "react";
import { CommentItem, type CommentView } from "./comment-item";

type HeldCommentJson = Omit<CommentView, "createdAt"> & { createdAt: string };

/**
 * The reader's own comments awaiting moderation, shown only to them: the one just posted comes with
 * the form's answer (so it shows without JavaScript too), earlier ones are asked of
 * /api/comments/held, which reads the reader's signed cookie. The article page itself is shared and
 * cached, so it never holds them.
 */
export function OwnHeldComments({ articleId, justPosted }: { articleId: number; justPosted: CommentView | null }) {
  const [earlier, setEarlier] = useState<CommentView[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/comments/held?article=${articleId}`, { cache: "no-store", signal: controller.signal })
      .then((response) =>
        response.ok ? (response.json() as Promise<{ comments: HeldCommentJson[] }>) : { comments: [] },
      )
      .then(({ comments }) =>
        setEarlier(comments.map((comment) => ({ ...comment, createdAt: new Date(comment.createdAt) }))),
      )
      // Without them the reader still sees the answer to their last post; nothing to tell them.
      .catch(() => undefined);
    return () => controller.abort();
  }, [articleId, justPosted?.id]);

  const held = [...earlier.filter((comment) => comment.id !== justPosted?.id), ...(justPosted ? [justPosted] : [])];
  if (held.length === 0) return null;
  return (
    <ol className="comment-list" aria-label="تعليقاتك بانتظار المراجعة">
      {held.map((comment) => (
        <CommentItem key={comment.id} comment={comment} held />
      ))}
    </ol>
  );
}

import { DomainError } from "../errors";
/*
 * What a reader is told when their comment was taken. Shared by the comment action, the form, and
 * the tools that post comments over HTTP (scripts/shared/comment-post.ts), which read the answers.
 */

export type CommentPostedAs = "published" | "held";

export const COMMENT_POSTED_MESSAGE: Record<CommentPostedAs, string> = {
  published: "شكرًا لك، نُشر تعليقك.",
  held: "شكرًا لك، سيظهر تعليقك للقرّاء بعد مراجعته.",
};

/**
 * A form posted without JavaScript is answered by a redirect to the article at one of these
 * fragments, instead of a page rendered for that one reader: the article page stays the shared,
 * cached one, and CSS shows the notice its fragment names (`.comment-notice:target`).
 */
export const COMMENT_POSTED_FRAGMENT: Record<CommentPostedAs, string> = {
  published: "comment-published",
  held: "comment-held",
};

/** The answer a redirect's Location names, if it names one. */
export function commentPostedAsFromLocation(location: string): CommentPostedAs | null {
  const hash = location.indexOf("#");
  if (hash === -1) return null;
  const fragment = location.slice(hash + 1);
  if (fragment === COMMENT_POSTED_FRAGMENT.published) return "published";
  if (fragment === COMMENT_POSTED_FRAGMENT.held) return "held";
  return null;
}

/** A honeypot was filled: the sender is told what a held comment would be told, and nothing is kept. */
export class BotCommentError extends DomainError {
  readonly code = "bot_comment";
  readonly publicMessage = COMMENT_POSTED_MESSAGE.held;
}

"use server";

import { cookies, headers } from "next/headers";
import { redirect, RedirectType } from "next/navigation";
import { COMMENT_POSTED_FRAGMENT, COMMENT_POSTED_MESSAGE, type CommentPostedAs } from "@/lib/comments/answers";
import { postComment } from "@/lib/comments/posting";
import {
  ArticleNotFoundError,
  CommentRateLimitedError,
  CommentsClosedError,
  CommentTooFastError,
  InvalidInputError,
  ReplyParentUnavailableError,
} from "@/lib/errors";
import { BotCommentError } from "@/lib/comments/answers";
import { clientFingerprint } from "@/lib/fingerprint";
import { commentsChanged } from "@/lib/cache/expiry";
import { articlePath } from "@/lib/paths";
import { pendingCommentsCookie } from "@/lib/comments/pending-cookie";
import type { CommentView } from "./comment-item";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, type CommentFormState, type CommentValues } from "./comment-form-state";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * Readers need no session to comment; every rule (validation, the closed setting) is enforced by
 * lib/comments/posting.ts. The article is bound on the server, but it is still validated there: a bound
 * argument is no more trustworthy than a form field.
 *
 * A comment taken from a form posted without JavaScript is answered with a redirect to the shared,
 * cached article page (lib/comments/answers.ts) rather than the page rendered again for this one
 * reader: a render costs ~25 ms of server CPU, the redirect none. Refusals are rendered, so the
 * reader's text comes back in the form.
 */
export async function postCommentAction(
  { articleId, articleSlug, parentId }: { articleId: number; articleSlug: string; parentId: number | null },
  _previous: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const values: CommentValues = {
    authorName: field(formData, "authorName"),
    authorEmail: field(formData, "authorEmail"),
    body: field(formData, "body"),
  };
  let posted: Awaited<ReturnType<typeof postComment>>;
  try {
    posted = await postComment(
      { articleId, parentId: parentId ?? undefined, ...values },
      {
        fingerprint: clientFingerprint(await headers()),
        form: { honeypot: formData.get(HONEYPOT_FIELD), token: formData.get(FORM_TOKEN_FIELD) },
      },
    );
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return { status: "invalid", message: error.publicMessage, fieldErrors: error.fieldErrors, values };
    }
    if (error instanceof BotCommentError) return answerPosted("held", articleSlug);
    if (error instanceof CommentsClosedError) {
      // The reader's page still showed the form: the cached copy may be older than the close.
      commentsChanged(articleSlug);
      return { status: "closed", message: error.publicMessage };
    }
    const explained =
      error instanceof ArticleNotFoundError ||
      error instanceof CommentRateLimitedError ||
      error instanceof CommentTooFastError ||
      error instanceof ReplyParentUnavailableError;
    if (!explained) console.error("postCommentAction failed", error);
    const message = explained ? error.publicMessage : "تعذّر حفظ تعليقك الآن. لم يُفقد نصّك، أعد المحاولة بعد قليل.";
    return { status: "failed", message, fieldErrors: {}, values };
  }
  if (posted.status === "APPROVED") {
    commentsChanged(articleSlug);
    return answerPosted("published", articleSlug);
  }
  // A held comment changes nothing readers see: the cached page stays as it is.
  const cookieStore = await cookies();
  const pending = pendingCommentsCookie(cookieStore, posted.id);
  cookieStore.set(pending.name, pending.value, pending.options);
  const held = { id: posted.id, authorName: posted.authorName, body: posted.body, createdAt: posted.createdAt };
  return answerPosted("held", articleSlug, held);
}

async function answerPosted(
  postedAs: CommentPostedAs,
  articleSlug: string,
  held?: CommentView,
): Promise<CommentFormState> {
  // Next sends this header with actions the page's JavaScript calls; a plain form post has none.
  if (!(await headers()).has("next-action")) {
    redirect(`${articlePath(articleSlug)}#${COMMENT_POSTED_FRAGMENT[postedAs]}`, RedirectType.push);
  }
  return { status: "posted", message: COMMENT_POSTED_MESSAGE[postedAs], ...(held ? { held } : {}) };
}

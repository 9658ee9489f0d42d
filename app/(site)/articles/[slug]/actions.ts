"use server";

import { cookies, headers } from "next/headers";
import { postComment } from "@/lib/comments";
import {
  ArticleNotFoundError,
  BotCommentError,
  CommentRateLimitedError,
  CommentsClosedError,
  CommentTooFastError,
  InvalidInputError,
} from "@/lib/errors";
import { clientFingerprint } from "@/lib/fingerprint";
import { commentsChanged } from "@/lib/page-cache";
import { pendingCommentsCookie } from "@/lib/pending-comments";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, type CommentFormState, type CommentValues } from "./comment-form-state";

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * Readers need no session to comment; every rule (validation, the closed setting) is enforced by
 * lib/comments.ts. The article is bound on the server, but it is still validated there: a bound
 * argument is no more trustworthy than a form field.
 */
export async function postCommentAction(
  articleId: number,
  articleSlug: string,
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
      { articleId, ...values },
      {
        fingerprint: clientFingerprint(await headers()),
        form: { honeypot: formData.get(HONEYPOT_FIELD), token: formData.get(FORM_TOKEN_FIELD) },
      },
    );
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return { status: "invalid", message: error.publicMessage, fieldErrors: error.fieldErrors, values };
    }
    if (error instanceof BotCommentError) return { status: "posted", message: error.publicMessage };
    if (error instanceof CommentsClosedError) {
      // The reader's page still showed the form: the cached copy may be older than the close.
      commentsChanged(articleSlug);
      return { status: "closed", message: error.publicMessage };
    }
    const explained = error instanceof ArticleNotFoundError || error instanceof CommentRateLimitedError || error instanceof CommentTooFastError;
    if (!explained) console.error("postCommentAction failed", error);
    const message = explained ? error.publicMessage : "تعذّر حفظ تعليقك الآن. لم يُفقد نصّك، أعد المحاولة بعد قليل.";
    return { status: "failed", message, fieldErrors: {}, values };
  }
  if (posted.status === "APPROVED") {
    commentsChanged(articleSlug);
    return { status: "posted", message: "شكرًا لك، نُشر تعليقك." };
  }
  // A held comment changes nothing readers see: the cached page stays as it is.
  const cookieStore = await cookies();
  const pending = pendingCommentsCookie(cookieStore, posted.id);
  cookieStore.set(pending.name, pending.value, pending.options);
  const held = { id: posted.id, authorName: posted.authorName, body: posted.body, createdAt: posted.createdAt };
  return { status: "posted", message: "شكرًا لك، سيظهر تعليقك للقرّاء بعد مراجعته.", held };
}

"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { postComment } from "@/lib/comments";
import { ArticleNotFoundError, CommentsClosedError, InvalidInputError } from "@/lib/errors";
import { clientFingerprint } from "@/lib/fingerprint";
import { articlePath } from "@/lib/paths";
import { pendingCommentsCookie } from "@/lib/pending-comments";
import type { CommentFormState, CommentValues } from "./comment-form-state";

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
    posted = await postComment({ articleId, ...values }, { fingerprint: clientFingerprint(await headers()) });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return { status: "invalid", message: error.publicMessage, fieldErrors: error.fieldErrors, values };
    }
    if (error instanceof CommentsClosedError) {
      revalidatePath(articlePath(articleSlug));
      return { status: "closed", message: error.publicMessage };
    }
    if (!(error instanceof ArticleNotFoundError)) console.error("postCommentAction failed", error);
    const message =
      error instanceof ArticleNotFoundError ? error.publicMessage : "تعذّر حفظ تعليقك الآن. لم يُفقد نصّك، أعد المحاولة بعد قليل.";
    return { status: "failed", message, fieldErrors: {}, values };
  }
  revalidatePath(articlePath(articleSlug));
  if (posted.status === "APPROVED") return { status: "posted", message: "شكرًا لك، نُشر تعليقك." };
  const cookieStore = await cookies();
  const pending = pendingCommentsCookie(cookieStore, posted.id);
  cookieStore.set(pending.name, pending.value, pending.options);
  return { status: "posted", message: "شكرًا لك، سيظهر تعليقك للقرّاء بعد مراجعته." };
}

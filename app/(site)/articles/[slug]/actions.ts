"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { postComment } from "@/lib/comments";
import { ArticleNotFoundError, CommentsClosedError, InvalidInputError } from "@/lib/errors";
import { clientFingerprint } from "@/lib/fingerprint";
import { articlePath } from "@/lib/paths";
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
  try {
    await postComment({ articleId, ...values }, { fingerprint: clientFingerprint(await headers()) });
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
  return { status: "posted", message: "شكرًا لك، نُشر تعليقك." };
}

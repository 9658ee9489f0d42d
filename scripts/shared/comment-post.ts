/*
 * A reader's comment sent over HTTP exactly as the article page's form sends it without JavaScript:
 * the page's own Server Action fields, the signed form token, the honeypot left empty, and the
 * reader's fields, as multipart/form-data to the form's address.
 */
import { COMMENT_POSTED_MESSAGE, commentPostedAsFromLocation } from "../../lib/comments/answers";
import { CommentsClosedError } from "../../lib/errors";
import { findFormContaining, formActionUrl, isActionField, multipartBody, paragraphsWithClass } from "./html-form";

export interface CommentForm {
  actionUrl: string;
  hiddenFields: [string, string][];
}

export type CommentOutcome = "published" | "held" | "closed" | "refused" | "unknown";

/** The fields a reader types (app/(site)/articles/[slug]/comment-form.tsx). */
const READER_FIELDS = new Set(["authorName", "authorEmail", "body"]);

const CLOSED_ANSWER = new CommentsClosedError().publicMessage;

/**
 * The article page's comment form. Every control but the reader's fields is kept: hidden ones with
 * their value, the visible-to-bots honeypot empty as a person leaves it.
 */
export async function loadCommentForm(baseUrl: string, articlePath: string): Promise<CommentForm> {
  const pageUrl = new URL(articlePath, baseUrl).toString();
  const response = await fetch(pageUrl);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${articlePath}: HTTP ${response.status}`);
  const form = findFormContaining(html, 'class="comment-form"', articlePath);
  return {
    actionUrl: formActionUrl(form, pageUrl),
    hiddenFields: form.controls
      .filter((control) => !READER_FIELDS.has(control.name))
      .map((control): [string, string] => [control.name, control.type === "hidden" ? control.value : ""]),
  };
}

/** The request body in the form's document order: React's action fields, the reader's fields, then the rest. */
export function commentRequestBody(
  form: CommentForm,
  values: { authorName: string; body: string; authorEmail?: string },
): { body: Buffer; contentType: string } {
  return multipartBody([
    ...form.hiddenFields.filter(([name]) => isActionField(name)),
    ["authorName", values.authorName],
    ["authorEmail", values.authorEmail ?? ""],
    ["body", values.body],
    ...form.hiddenFields.filter(([name]) => !isActionField(name)),
  ]);
}

/**
 * What the answer told the reader: a comment taken is answered with a redirect to the article at
 * the notice (lib/comments/answers.ts; a bot's filled honeypot is told "held" on purpose), a refusal
 * with the page rendered again, read from the form's answer paragraph.
 */
export function commentOutcome(status: number, location: string | null, html: string): CommentOutcome {
  if (status === 303) return (location === null ? null : commentPostedAsFromLocation(location)) ?? "unknown";
  const [success] = paragraphsWithClass(html, "form-message-success");
  if (success === COMMENT_POSTED_MESSAGE.published) return "published";
  if (success === COMMENT_POSTED_MESSAGE.held) return "held";
  const [error] = paragraphsWithClass(html, "form-message-error");
  if (error === CLOSED_ANSWER) return "closed";
  if (error !== undefined) return "refused";
  return "unknown";
}

export interface CommentResponse {
  status: number;
  html: string;
  outcome: CommentOutcome;
}

/** Sends the comment with the headers a same-origin browser form submission carries. */
export async function postComment(
  baseUrl: string,
  form: CommentForm,
  values: { authorName: string; body: string; authorEmail?: string },
  { headers = {}, signal }: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<CommentResponse> {
  const { body, contentType } = commentRequestBody(form, values);
  const response = await fetch(form.actionUrl, {
    method: "POST",
    headers: { "content-type": contentType, origin: new URL(baseUrl).origin, accept: "text/html", ...headers },
    // A copy typed as fetch wants it (a Buffer may sit on a shared ArrayBuffer).
    body: new Uint8Array(body),
    redirect: "manual",
    signal,
  });
  const html = await response.text();
  return {
    status: response.status,
    html,
    outcome: commentOutcome(response.status, response.headers.get("location"), html),
  };
}

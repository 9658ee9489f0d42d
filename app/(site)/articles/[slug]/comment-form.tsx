"use client";

import { useActionState, useId } from "react";
import { COMMENT_POSTED_FRAGMENT, COMMENT_POSTED_MESSAGE } from "@/lib/comments/answers";
import { OwnHeldComments } from "./own-held-comments";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, initialCommentFormState, type CommentFormState } from "./comment-form-state";

type Action = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;

const CLOSED_NOTICE = "التعليقات مغلقة";

const postedNotices = (["published", "held"] as const).map((postedAs) => (
  <p
    key={postedAs}
    id={COMMENT_POSTED_FRAGMENT[postedAs]}
    role="status"
    tabIndex={-1}
    className="form-message comment-notice"
  >
    {COMMENT_POSTED_MESSAGE[postedAs]}
  </p>
));

/**
 * The comment form, or the closed notice. It is one component so that a refusal (comments closed
 * while the reader was typing) stays on screen when the page re-renders without the form. Works
 * without JavaScript: a refusal's state comes back in the server-rendered page, and a comment taken
 * redirects to the shared page at one of the notices below, which CSS shows while it is the target.
 */
export function CommentForm({
  action,
  articleId,
  open,
  token,
  title = "أضف تعليقًا",
}: {
  action: Action;
  articleId: number;
  open: boolean;
  token: string;
  /** The form's heading: a reply page names the comment answered. */
  title?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialCommentFormState);
  const id = useId();
  const ownHeld = (
    <OwnHeldComments articleId={articleId} justPosted={state.status === "posted" ? (state.held ?? null) : null} />
  );

  if (!open || state.status === "closed") {
    return (
      <>
        {ownHeld}
        <div className="comments-closed">
          {state.status === "closed" ? (
            <p role="alert" className="form-message form-message-error">
              {state.message}
            </p>
          ) : null}
          <p className="closed-notice">{CLOSED_NOTICE}</p>
        </div>
      </>
    );
  }

  const values = state.status === "invalid" || state.status === "failed" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const fieldProps = (name: "authorName" | "authorEmail" | "body") => ({
    id: `${id}-${name}`,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
    dir: "auto" as const,
  });
  const fieldError = (name: "authorName" | "authorEmail" | "body") =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {errors[name]?.join(" ")}
      </p>
    ) : null;

  return (
    <>
      {ownHeld}
      <form action={formAction} className="comment-form" aria-labelledby={`${id}-title`} noValidate>
        <h3 id={`${id}-title`}>{title}</h3>
        {state.status === "idle" ? postedNotices : null}
        {state.status === "posted" ? (
          <p role="status" className="form-message form-message-success">
            {state.message}
          </p>
        ) : null}
        {state.status === "invalid" || state.status === "failed" ? (
          <p role="alert" className="form-message form-message-error">
            {state.message}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-authorName`}>الاسم</label>
          <input {...fieldProps("authorName")} type="text" autoComplete="name" required maxLength={200} />
          {fieldError("authorName")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-authorEmail`}>
            البريد الإلكتروني <span className="hint">(اختياري، لن يُنشر)</span>
          </label>
          <input {...fieldProps("authorEmail")} type="email" autoComplete="email" inputMode="email" />
          {fieldError("authorEmail")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>التعليق</label>
          <textarea {...fieldProps("body")} rows={5} required />
          {fieldError("body")}
        </div>
        <input type="hidden" name={FORM_TOKEN_FIELD} value={token} />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={`${id}-${HONEYPOT_FIELD}`}>اترك هذا الحقل فارغًا</label>
          <input
            id={`${id}-${HONEYPOT_FIELD}`}
            name={HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "جارٍ الإرسال…" : "أرسل التعليق"}
        </button>
      </form>
    </>
  );
}

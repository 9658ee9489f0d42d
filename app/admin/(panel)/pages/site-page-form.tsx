"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "../../action-state";
import { FormMessage } from "../../form-message";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A site page's title, address and text (Markdown, as in the article editor). */
export function SitePageForm({
  action,
  page,
}: {
  action: Action;
  page: { title: string; slug: string; markdown: string } | null;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  const field = (name: "title" | "slug" | "body", fallback: string) => ({
    id: `page-${name}`,
    name,
    defaultValue: values?.[name] ?? fallback,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `page-${name}-error` : undefined,
  });
  const error = (name: "title" | "slug" | "body") =>
    errors[name] ? (
      <p id={`page-${name}-error`} className="field-error">
        {errors[name].join(" ")}
      </p>
    ) : null;
  return (
    <form action={formAction} className="admin-form" aria-label="الصفحة">
      <FormMessage state={state} />
      <div className="field">
        <label htmlFor="page-title">العنوان</label>
        <input {...field("title", page?.title ?? "")} type="text" required dir="auto" />
        {error("title")}
      </div>
      <div className="field">
        <label htmlFor="page-slug">الرابط</label>
        <input {...field("slug", page?.slug ?? "")} type="text" dir="auto" />
        {error("slug")}
      </div>
      <div className="field">
        <label htmlFor="page-body">النص</label>
        <textarea {...field("body", page?.markdown ?? "")} rows={16} required dir="auto" />
        {error("body")}
      </div>
      <button type="submit" className="button" disabled={pending}>
        حفظ الصفحة
      </button>
    </form>
  );
}

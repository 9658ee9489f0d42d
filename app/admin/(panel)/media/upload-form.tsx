"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "../../action-state";
import { FormMessage } from "../../form-message";
import { uploadImageAction } from "./actions";

export function UploadForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(uploadImageAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="admin-form" aria-label="رفع صورة">
      <FormMessage state={state} />
      <div className="field">
        <label htmlFor="media-file">الصورة (JPEG أو PNG أو WebP أو AVIF، حتى ١٠ ميغابايت)</label>
        <input
          id="media-file"
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          required
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={errors.file ? "media-file-error" : undefined}
        />
        {errors.file ? (
          <p id="media-file-error" className="field-error">
            {errors.file.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="media-alt">النص البديل (وصف الصورة لمن لا يراها)</label>
        <input id="media-alt" name="alt" defaultValue={state.status === "error" ? (state.values?.alt ?? "") : ""} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "جارٍ الرفع…" : "رفع"}
      </button>
    </form>
  );
}

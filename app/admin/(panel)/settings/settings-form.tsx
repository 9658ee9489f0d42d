"use client";

import { useActionState } from "react";
import type { SiteSettings } from "@/lib/settings";
import { idleState, type ActionState } from "../../action-state";
import { FormMessage } from "../../form-message";
import { saveSettingsAction } from "./actions";

export function SettingsForm({ settings }: { settings: SiteSettings }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveSettingsAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="admin-form" aria-label="الإعدادات">
      <FormMessage state={state} />
      <fieldset>
        <legend>التعليقات الجديدة</legend>
        <div className="field field-checkbox">
          <input
            type="radio"
            id="moderation-hold"
            name="commentModeration"
            value="hold"
            defaultChecked={settings.commentModeration === "hold"}
          />
          <label htmlFor="moderation-hold">تُحجز للمراجعة قبل النشر (إلا لمن سبقت الموافقة على تعليق له)</label>
        </div>
        <div className="field field-checkbox">
          <input
            type="radio"
            id="moderation-publish"
            name="commentModeration"
            value="publish"
            defaultChecked={settings.commentModeration === "publish"}
          />
          <label htmlFor="moderation-publish">تُنشر فورًا</label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="close-days">إغلاق التعليقات تلقائيًا بعد (أيام) للمقالات الجديدة</label>
        <input
          id="close-days"
          name="commentsCloseAfterDays"
          type="number"
          min={1}
          max={3650}
          defaultValue={settings.commentsCloseAfterDays ?? ""}
          aria-invalid={errors.commentsCloseAfterDays ? true : undefined}
          aria-describedby="close-days-help"
        />
        <p id="close-days-help" className="hint">
          {errors.commentsCloseAfterDays?.join(" ") ?? "يُترك فارغًا لإبقائها مفتوحة دون موعد."}
        </p>
      </div>
      <button type="submit" className="button" disabled={pending}>
        حفظ الإعدادات
      </button>
    </form>
  );
}

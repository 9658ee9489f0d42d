"use client";

import { useActionState, useId, type ReactNode } from "react";
import { idleState, type ActionState } from "../../action-state";
import { FormMessage } from "../../form-message";
import type { ArticleFormValues } from "./actions";

type Action = (state: ActionState<ArticleFormValues>, formData: FormData) => Promise<ActionState<ArticleFormValues>>;
type Field = keyof ArticleFormValues;

interface Props {
  action: Action;
  initial: ArticleFormValues;
  sections: readonly { id: number; name: string }[];
  /** Recent uploads, offered as suggestions in the lead image field. */
  media: readonly { url: string; alt: string }[];
  canPublish: boolean;
}

/** The article editor: every field keeps what was typed when the server refuses the save. */
export function ArticleForm({ action, initial, sections, media, canPublish }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const id = useId();
  const values = state.status === "error" && state.values ? state.values : initial;
  const errors = state.status === "error" ? state.fieldErrors : {};

  const described = (name: Field, hint?: boolean) =>
    [errors[name] ? `${id}-${name}-error` : null, hint ? `${id}-${name}-hint` : null].filter(Boolean).join(" ") ||
    undefined;
  const common = (name: Field, hint = false) => ({
    id: `${id}-${name}`,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": described(name, hint),
  });
  const field = (name: Field, label: string, control: ReactNode, hint?: ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control}
      {hint ? (
        <p id={`${id}-${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name].join(" ")}
        </p>
      ) : null}
    </div>
  );

  return (
    <form action={formAction} className="admin-form article-form" aria-label="المقال" noValidate>
      <FormMessage state={state} />

      {field("headline", "العنوان", <input {...common("headline")} required />)}
      {field(
        "slug",
        "الرابط",
        <input {...common("slug", true)} />,
        "يُولَّد من العنوان إن تُرك فارغًا. حروف وأرقام وشرطات.",
      )}
      {field("dek", "الموجز", <textarea {...common("dek")} rows={2} />)}
      {field(
        "body",
        "نص المقال",
        <textarea {...common("body", true)} rows={18} className="body-editor" />,
        <>
          سطر فارغ بين الفقرات. <bdi className="syntax">## عنوان فرعي</bdi>، <bdi className="syntax">&gt; اقتباس</bdi>،{" "}
          <bdi className="syntax">- عنصر قائمة</bdi>، رابط: <bdi className="syntax">[النص](https://…)</bdi>، صورة:{" "}
          <bdi className="syntax">![وصف الصورة](https://…)</bdi>
        </>,
      )}

      <fieldset>
        <legend>التصنيف والمصدر</legend>
        {field(
          "sectionId",
          "القسم",
          <select {...common("sectionId")}>
            <option value="">بلا قسم</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>,
        )}
        {field("tags", "الوسوم", <input {...common("tags", true)} />, "تفصل بينها فاصلة: كازاخستان، روسيا")}
        {field("bylineLabel", "التوقيع", <input {...common("bylineLabel")} />)}
        {field("sourceUrl", "رابط المصدر", <input {...common("sourceUrl")} type="url" dir="ltr" />)}
      </fieldset>

      <fieldset>
        <legend>الصورة الرئيسية</legend>
        {field(
          "leadImageUrl",
          "رابط الصورة",
          <>
            <input {...common("leadImageUrl", true)} dir="ltr" list={`${id}-media`} />
            <datalist id={`${id}-media`}>
              {media.map((item) => (
                <option key={item.url} value={item.url} label={item.alt || item.url} />
              ))}
            </datalist>
          </>,
          "اختر من مكتبة الوسائط أو الصق رابطًا.",
        )}
        {field("leadImageAlt", "النص البديل", <input {...common("leadImageAlt")} />)}
        {field(
          "leadImageCaption",
          "التعليق على الصورة",
          <textarea {...common("leadImageCaption")} rows={2} dir="auto" />,
        )}
        {field("leadImageCredit", "حقوق الصورة", <input {...common("leadImageCredit")} dir="auto" />)}
        {field(
          "leadImageCaptionLang",
          "لغة التعليق",
          <select {...common("leadImageCaptionLang")}>
            <option value="ar">العربية</option>
            <option value="en">الإنجليزية</option>
          </select>,
        )}
      </fieldset>

      <fieldset>
        <legend>النشر والتعليقات</legend>
        {field(
          "status",
          "الحالة",
          <select {...common("status")}>
            <option value="DRAFT">مسودة</option>
            {canPublish ? <option value="SCHEDULED">مجدول</option> : null}
            {canPublish ? <option value="PUBLISHED">منشور</option> : null}
          </select>,
        )}
        {field(
          "publishAt",
          "موعد النشر",
          <input {...common("publishAt", true)} type="datetime-local" dir="ltr" />,
          "بتوقيت غرفة الأخبار. يُترك فارغًا للنشر الآن.",
        )}
        <div className="field field-checkbox">
          <input
            id={`${id}-commentsOpen`}
            name="commentsOpen"
            type="checkbox"
            defaultChecked={values.commentsOpen === "on"}
          />
          <label htmlFor={`${id}-commentsOpen`}>التعليقات مفتوحة</label>
        </div>
        {field(
          "commentsCloseAfterDays",
          "إغلاق التعليقات تلقائيًا بعد (أيام)",
          <input {...common("commentsCloseAfterDays", true)} type="number" min={1} max={3650} inputMode="numeric" />,
          "يُترك فارغًا لإبقائها مفتوحة.",
        )}
      </fieldset>

      <button type="submit" className="button" disabled={pending}>
        {pending ? "جارٍ الحفظ…" : "حفظ"}
      </button>
    </form>
  );
}

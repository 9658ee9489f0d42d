import { z } from "zod";
import { formatArabicNumber } from "../format";

/* What a reader may send as a comment: checked at the boundary, with one Arabic message per problem. */

export const COMMENT_NAME_MAX = 80;
export const COMMENT_BODY_MAX = 5000;
const EMAIL_MAX = 254;

// C0/C1 controls (a body may keep line breaks and tabs) and the bidi embedding, override and
// isolate controls, which let a commenter reorder the text around their comment.
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const characterCount = (text: string) => [...text].length;

function plainText(options: { multiline: boolean; max: number; requiredMessage: string; tooLongMessage: string }) {
  const control = options.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
  return z
    .string({ error: options.requiredMessage })
    .transform((text) => text.replace(/\r\n?/g, "\n").normalize("NFC").trim())
    .check((ctx) => {
      const text = ctx.value;
      if (LONE_SURROGATE.test(text) || control.test(text)) {
        ctx.issues.push({ code: "custom", input: text, message: "يحتوي النص على محارف تحكّم غير مسموح بها." });
      } else if (BIDI_CONTROL.test(text)) {
        ctx.issues.push({ code: "custom", input: text, message: "يحتوي النص على محارف تغيير اتجاه غير مسموح بها." });
      } else if (text.length === 0) {
        ctx.issues.push({ code: "custom", input: text, message: options.requiredMessage });
      } else if (characterCount(text) > options.max) {
        ctx.issues.push({ code: "custom", input: text, message: options.tooLongMessage });
      }
    });
}

export const commentInputSchema = z.object({
  articleId: z.coerce.number({ error: "مقال غير معروف." }).int().positive({ error: "مقال غير معروف." }),
  /** The comment this one answers; empty or absent: none. */
  parentId: z
    .union([
      z.literal(""),
      z.coerce.number({ error: "تعليق غير معروف." }).int().positive({ error: "تعليق غير معروف." }),
    ])
    .optional()
    .transform((id) => (id === "" || id === undefined ? null : id)),
  authorName: plainText({
    multiline: false,
    max: COMMENT_NAME_MAX,
    requiredMessage: "اكتب اسمك.",
    tooLongMessage: `الاسم أطول من ${formatArabicNumber(COMMENT_NAME_MAX)} حرفًا.`,
  }),
  authorEmail: z
    .string()
    .trim()
    .toLowerCase()
    .transform((email) => email || null)
    .pipe(z.email({ error: "عنوان البريد الإلكتروني غير صالح." }).max(EMAIL_MAX).nullable())
    .optional()
    .transform((email) => email ?? null),
  body: plainText({
    multiline: true,
    max: COMMENT_BODY_MAX,
    requiredMessage: "اكتب نص التعليق.",
    tooLongMessage: `التعليق أطول من ${formatArabicNumber(COMMENT_BODY_MAX)} حرف.`,
  }),
});

export type CommentInput = z.input<typeof commentInputSchema>;
export type CommentField = keyof CommentInput;

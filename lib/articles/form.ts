import "server-only";
import { z } from "zod";
import { InvalidInputError } from "../errors";
import { dateFromZonedInput } from "../format";
import { slugify } from "../slug";
import { hasUnstorableCharacters, UNSTORABLE_TEXT_MESSAGE } from "../storable-text";
import { MAX_TAG_LENGTH, MAX_TAGS, parseTagNames } from "../taxonomy/tags";
import type { ArticleBody } from "./body/document";
import { BodyFormatError, markdownToBody } from "./body/markdown";

/* The editor's form at the boundary: every field parsed with zod, the body from Markdown to the block document. */

export const ARTICLE_BODY_MAX = 200_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `أطول من ${max} حرفًا.` })
    .transform((text) => text || null)
    .optional()
    .transform((text) => text ?? null);

const optionalUrl = (allowSitePath: boolean) =>
  optionalText(2000).refine(
    (url) => url === null || /^https?:\/\/[^\s]+$/i.test(url) || (allowSitePath && /^\/(?!\/)\S*$/.test(url)),
    { error: allowSitePath ? "رابط يبدأ بـ https:// أو بمسار في الموقع مثل /media/…" : "رابط يبدأ بـ https://" },
  );

export const articleFormSchema = z
  .object({
    headline: z
      .string({ error: "اكتب العنوان." })
      .trim()
      .min(1, { error: "اكتب العنوان." })
      .max(300, { error: "العنوان أطول من ٣٠٠ حرف." }),
    slug: optionalText(80).refine((slug) => slug === null || slugify(slug) === slug, {
      error: "الرابط حروف وأرقام تفصل بينها شرطات (-)، بلا مسافات.",
    }),
    dek: optionalText(500),
    // Far above any article; the Markdown parser's time grows with the text, and a save must not hold the server.
    body: z.string({ error: "اكتب نص المقال." }).max(ARTICLE_BODY_MAX, { error: "نص المقال أطول من ٢٠٠٬٠٠٠ حرف." }),
    sectionId: z
      .union([z.literal(""), z.coerce.number().int().positive({ error: "قسم غير موجود." })], {
        error: "قسم غير موجود.",
      })
      .optional()
      .transform((id) => (id === "" || id === undefined ? null : id)),
    tags: z
      .string()
      .optional()
      .transform((text) => parseTagNames(text ?? ""))
      .refine((names) => names.length <= MAX_TAGS, { error: `عشرة وسوم على الأكثر.` })
      .refine((names) => names.every((name) => name.length <= MAX_TAG_LENGTH && slugify(name)), {
        error: `الوسم كلمات قصيرة (حتى ${MAX_TAG_LENGTH} حرفًا) تفصل بينها فواصل.`,
      }),
    bylineLabel: optionalText(120),
    sourceUrl: optionalUrl(false),
    leadImageUrl: optionalUrl(true),
    leadImageAlt: optionalText(300),
    leadImageCaption: optionalText(2000),
    leadImageCredit: optionalText(300),
    leadImageCaptionLang: z.enum(["ar", "en"], { error: "لغة غير معروفة." }).default("ar"),
    status: z.enum(["DRAFT", "SCHEDULED", "PUBLISHED"], { error: "حالة غير معروفة." }),
    publishAt: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const date = dateFromZonedInput(value);
        if (!date) ctx.addIssue({ code: "custom", message: "تاريخ ووقت غير صالحين." });
        return date;
      }),
    commentsOpen: z.preprocess((value) => value === "on" || value === true || value === "true", z.boolean()),
    commentsCloseAfterDays: z
      .union(
        [
          z.literal(""),
          z.coerce
            .number()
            .int()
            .min(1, { error: "يومًا واحدًا على الأقل." })
            .max(3650, { error: "٣٦٥٠ يومًا على الأكثر." }),
        ],
        { error: "اكتب عددًا صحيحًا من الأيام." },
      )
      .optional()
      .transform((days) => (days === "" || days === undefined ? null : days)),
  })
  .superRefine((form, ctx) => {
    if (form.status === "SCHEDULED" && !form.publishAt) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "حدّد موعد النشر للمقال المجدول." });
    }
  });

export type ArticleFormField = keyof z.input<typeof articleFormSchema>;
export type ArticleFormInput = Partial<Record<ArticleFormField, unknown>>;

export interface ValidArticleForm {
  data: z.output<typeof articleFormSchema>;
  body: ArticleBody;
}

export function validateArticleForm(input: ArticleFormInput): ValidArticleForm {
  const parsed = articleFormSchema.safeParse(input);
  const fieldErrors: Record<string, string[]> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === "string" && hasUnstorableCharacters(value)) fieldErrors[field] = [UNSTORABLE_TEXT_MESSAGE];
  }
  let body: ArticleBody | null = null;
  try {
    if (!fieldErrors.body) body = markdownToBody(typeof input.body === "string" ? input.body : "");
  } catch (error) {
    if (!(error instanceof BodyFormatError)) throw error;
    fieldErrors.body = ["اكتب نص المقال."];
  }
  if (!parsed.success || !body || Object.keys(fieldErrors).length > 0) throw new InvalidInputError(fieldErrors);
  return { data: parsed.data, body };
}

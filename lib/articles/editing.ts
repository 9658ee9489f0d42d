import "server-only";
import { z } from "zod";
import { serializeArticleBody, parseArticleBody, type ArticleBody } from "./body/document";
import { BodyFormatError, bodyToMarkdown, markdownToBody } from "./body/markdown";
import { loadEditableArticle } from "./editable";
import { readerArticleSelect, toReaderArticle, type ReaderArticle } from "./reads";
import { saveArticle, type SavedArticle } from "./save";
import { availableSlug } from "./slugs";
import { canEditArticle, canPublish, canSeeAllArticles, type NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { nullWhenNotFound } from "../db/errors";
import { ArticleNotFoundError, ForbiddenError, InvalidInputError } from "../errors";
import { dateFromZonedInput } from "../format";
import type { ArticleStatus, Prisma } from "../generated/prisma/client";
import { slugify } from "../slug";
import { hasUnstorableCharacters, UNSTORABLE_TEXT_MESSAGE } from "../storable-text";
import { MAX_TAG_LENGTH, MAX_TAGS, parseTagNames } from "../taxonomy/tags";

/*
 * The newsroom's side of articles: what editors list, write, publish and trash. Every function
 * takes the acting editor and checks the rule itself, whichever route calls it.
 */

// The form shows the close time as days after publication (lib/articles/save.ts stores it as a date).
const DAY_MS = 24 * 60 * 60 * 1000;
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
    headline: z.string({ error: "اكتب العنوان." }).trim().min(1, { error: "اكتب العنوان." }).max(300, { error: "العنوان أطول من ٣٠٠ حرف." }),
    slug: optionalText(80).refine((slug) => slug === null || slugify(slug) === slug, {
      error: "الرابط حروف وأرقام تفصل بينها شرطات (-)، بلا مسافات.",
    }),
    dek: optionalText(500),
    // Far above any article; the Markdown parser's time grows with the text, and a save must not hold the server.
    body: z.string({ error: "اكتب نص المقال." }).max(ARTICLE_BODY_MAX, { error: "نص المقال أطول من ٢٠٠٬٠٠٠ حرف." }),
    sectionId: z
      .union([z.literal(""), z.coerce.number().int().positive({ error: "قسم غير موجود." })], { error: "قسم غير موجود." })
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
        [z.literal(""), z.coerce.number().int().min(1, { error: "يومًا واحدًا على الأقل." }).max(3650, { error: "٣٦٥٠ يومًا على الأكثر." })],
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

interface ValidForm {
  data: z.output<typeof articleFormSchema>;
  body: ArticleBody;
}

function validate(input: ArticleFormInput): ValidForm {
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

/** When the article goes (or went) public: publishing keeps an earlier date unless the editor sets one. */
function publicationDate(form: z.output<typeof articleFormSchema>, previous: Date | null, now: Date): Date | null {
  return form.status === "DRAFT" ? (form.publishAt ?? previous) : (form.publishAt ?? previous ?? now);
}

/**
 * Tags are addressed by slug: a name spelled another way (case, tashkeel, tatweel) that gives the
 * slug of an existing tag, or of another tag in the same form, is that tag.
 */
async function tagNamesBySlug(names: readonly string[]): Promise<string[]> {
  const existing = await db.tag.findMany({ where: { slug: { in: names.map(slugify) } }, select: { slug: true, name: true } });
  const existingNames = new Map(existing.map((tag) => [tag.slug, tag.name]));
  const namesBySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!namesBySlug.has(slug)) namesBySlug.set(slug, existingNames.get(slug) ?? name);
  }
  return [...namesBySlug.values()];
}

function columns(form: z.output<typeof articleFormSchema>, body: ArticleBody) {
  return {
    headline: form.headline,
    dek: form.dek,
    body: serializeArticleBody(body),
    sectionId: form.sectionId,
    bylineLabel: form.bylineLabel,
    sourceUrl: form.sourceUrl,
    leadImageUrl: form.leadImageUrl,
    leadImageAlt: form.leadImageAlt,
    leadImageCaption: form.leadImageCaption,
    leadImageCredit: form.leadImageCredit,
    leadImageCaptionLang: form.leadImageCaptionLang,
    status: form.status as ArticleStatus,
    commentsOpen: form.commentsOpen,
  };
}

export type { SavedArticle };

export async function createArticle(actor: NewsroomUser, input: ArticleFormInput, now = new Date()): Promise<SavedArticle> {
  const { data, body } = validate(input);
  if (data.status !== "DRAFT" && !canPublish(actor)) throw new ForbiddenError();
  const slug = data.slug ?? (await availableSlug(slugify(data.headline) || "مقال"));
  return saveArticle({
    id: null,
    columns: { ...columns(data, body), slug, authorId: actor.id, publishedAt: publicationDate(data, null, now) },
    tags: await tagNamesBySlug(data.tags),
    commentsCloseAfterDays: data.commentsCloseAfterDays,
    savedBy: actor.id,
  });
}

export async function updateArticle(actor: NewsroomUser, id: number, input: ArticleFormInput, now = new Date()): Promise<SavedArticle> {
  const current = await loadEditableArticle(actor, id);
  const { data, body } = validate(input);
  if (data.status !== "DRAFT" && !canPublish(actor)) throw new ForbiddenError();
  return saveArticle({
    id,
    columns: { ...columns(data, body), slug: data.slug ?? current.slug, publishedAt: publicationDate(data, current.publishedAt, now) },
    tags: await tagNamesBySlug(data.tags),
    commentsCloseAfterDays: data.commentsCloseAfterDays,
    savedBy: actor.id,
  });
}

/** Opening or closing comments is an editor's call, not an author's. */
export async function setCommentsOpen(actor: NewsroomUser, id: number, open: boolean): Promise<SavedArticle> {
  if (!canPublish(actor)) throw new ForbiddenError();
  const article = await db.article.update({ where: { id }, data: { commentsOpen: open }, select: { id: true, slug: true } }).catch(nullWhenNotFound);
  if (!article) throw new ArticleNotFoundError();
  return { ...article, previousSlug: null };
}

export async function trashArticle(actor: NewsroomUser, id: number, now = new Date()): Promise<SavedArticle> {
  const article = await loadEditableArticle(actor, id);
  await db.article.update({ where: { id }, data: { deletedAt: now } });
  return { id, slug: article.slug, previousSlug: null };
}

export async function restoreArticle(actor: NewsroomUser, id: number): Promise<SavedArticle> {
  if (!canPublish(actor)) throw new ForbiddenError();
  const article = await db.article.update({ where: { id }, data: { deletedAt: null }, select: { id: true, slug: true } }).catch(nullWhenNotFound);
  if (!article) throw new ArticleNotFoundError();
  return { ...article, previousSlug: null };
}

export const NEWSROOM_PAGE_SIZE = 25;

export const newsroomFilterSchema = z.object({
  status: z.enum(["DRAFT", "SCHEDULED", "PUBLISHED", "TRASH"]).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.string().max(100).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type NewsroomFilter = z.output<typeof newsroomFilterSchema>;

/** The newsroom's article list: editors see every article, authors their own. Trash is its own view. */
export async function listNewsroomArticles(actor: NewsroomUser, filter: NewsroomFilter) {
  const where: Prisma.ArticleWhereInput = {
    deletedAt: filter.status === "TRASH" ? { not: null } : null,
    ...(filter.status && filter.status !== "TRASH" ? { status: filter.status } : {}),
    ...(filter.section ? { sectionId: filter.section } : {}),
    ...(filter.q ? { headline: { contains: filter.q } } : {}),
    ...(canSeeAllArticles(actor) ? (filter.author ? { authorId: filter.author } : {}) : { authorId: actor.id }),
  };
  const [articles, total] = await Promise.all([
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * NEWSROOM_PAGE_SIZE,
      take: NEWSROOM_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        headline: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        commentsOpen: true,
        deletedAt: true,
        section: { select: { name: true } },
        author: { select: { name: true } },
      },
    }),
    db.article.count({ where }),
  ]);
  return { articles, total, pageCount: Math.max(1, Math.ceil(total / NEWSROOM_PAGE_SIZE)) };
}

/** An article as the editor form shows it, body as Markdown. */
export async function getArticleForEditing(actor: NewsroomUser, id: number) {
  const article = await db.article.findUnique({
    where: { id },
    include: {
      section: { select: { id: true, name: true } },
      author: { select: { name: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (!article) throw new ArticleNotFoundError();
  if (!canEditArticle(actor, article)) throw new ForbiddenError();
  return {
    ...article,
    tagNames: article.tags.map(({ tag }) => tag.name),
    // The form's "close after N days", read back from the dates lib/articles/save.ts stored.
    commentsCloseAfterDays:
      article.commentsCloseAt && article.publishedAt
        ? Math.round((article.commentsCloseAt.getTime() - article.publishedAt.getTime()) / DAY_MS)
        : null,
    bodyMarkdown: bodyToMarkdown(parseArticleBody(article.body)),
  };
}

export function listAuthors() {
  return db.user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** A draft or scheduled article exactly as readers will see it, for whoever may edit it. */
export async function getArticlePreview(actor: NewsroomUser, id: number): Promise<ReaderArticle> {
  const row = await db.article.findUnique({ where: { id }, select: { ...readerArticleSelect, authorId: true } });
  if (!row) throw new ArticleNotFoundError();
  if (!canEditArticle(actor, row)) throw new ForbiddenError();
  return toReaderArticle(row, new Date());
}

import "server-only";
import type { z } from "zod";
import { canEditArticle, canPublish, type NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { nullWhenNotFound } from "../db/errors";
import { ArticleNotFoundError, ForbiddenError } from "../errors";
import { slugify } from "../slug";
import { parseArticleBody, serializeArticleBody, type ArticleBody } from "./body/document";
import { bodyToMarkdown } from "./body/markdown";
import { loadEditableArticle } from "./editable";
import { validateArticleForm, type articleFormSchema, type ArticleFormInput } from "./form";
import { readerArticleSelect, toReaderArticle, type ReaderArticle } from "./reads";
import { saveArticle, type SavedArticle } from "./save";
import { availableSlug } from "./slugs";

/*
 * The newsroom's side of articles: what its users write, publish and trash. Every function takes
 * the acting user and checks the rule itself, whichever route calls it.
 */

// The form shows the close time as days after publication (lib/articles/save.ts stores it as a date).
const DAY_MS = 24 * 60 * 60 * 1000;
/** When the article goes (or went) public: publishing keeps an earlier date unless the editor sets one. */
function publicationDate(form: z.output<typeof articleFormSchema>, previous: Date | null, now: Date): Date | null {
  return form.status === "DRAFT" ? (form.publishAt ?? previous) : (form.publishAt ?? previous ?? now);
}

/**
 * Tags are addressed by slug: a name spelled another way (case, tashkeel, tatweel) that gives the
 * slug of an existing tag, or of another tag in the same form, is that tag.
 */
async function tagNamesBySlug(names: readonly string[]): Promise<string[]> {
  const existing = await db.tag.findMany({
    where: { slug: { in: names.map(slugify) } },
    select: { slug: true, name: true },
  });
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
    status: form.status,
    commentsOpen: form.commentsOpen,
  };
}

export type { SavedArticle };

export async function createArticle(
  actor: NewsroomUser,
  input: ArticleFormInput,
  now = new Date(),
): Promise<SavedArticle> {
  const { data, body } = validateArticleForm(input);
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

export async function updateArticle(
  actor: NewsroomUser,
  id: number,
  input: ArticleFormInput,
  now = new Date(),
): Promise<SavedArticle> {
  const current = await loadEditableArticle(actor, id);
  const { data, body } = validateArticleForm(input);
  if (data.status !== "DRAFT" && !canPublish(actor)) throw new ForbiddenError();
  return saveArticle({
    id,
    columns: {
      ...columns(data, body),
      slug: data.slug ?? current.slug,
      publishedAt: publicationDate(data, current.publishedAt, now),
    },
    tags: await tagNamesBySlug(data.tags),
    commentsCloseAfterDays: data.commentsCloseAfterDays,
    savedBy: actor.id,
  });
}

/** Opening or closing comments is an editor's call, not an author's. */
export async function setCommentsOpen(actor: NewsroomUser, id: number, open: boolean): Promise<SavedArticle> {
  if (!canPublish(actor)) throw new ForbiddenError();
  const article = await db.article
    .update({ where: { id }, data: { commentsOpen: open }, select: { id: true, slug: true } })
    .catch(nullWhenNotFound);
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
  const article = await db.article
    .update({ where: { id }, data: { deletedAt: null }, select: { id: true, slug: true } })
    .catch(nullWhenNotFound);
  if (!article) throw new ArticleNotFoundError();
  return { ...article, previousSlug: null };
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

/** Everyone in the newsroom, for the byline picker and the list's filter. */
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

import "server-only";
import { db } from "../db/client";
import { InvalidInputError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { getSettings } from "../settings";
import { setArticleTags } from "../taxonomy/tags";
import { recordSlugChange } from "./redirects";
import { recordOriginalIfFirst, recordRevision } from "./snapshots";
import { assertSlugFree } from "./slugs";

/*
 * The one write path of an article: the editor's create and save, a revision's restore and the
 * importer all end here, so a slug, a section and a source URL are checked the same way, an old
 * slug always becomes a redirect, and every save records a revision.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The columns a save may set; on an update, what is left out keeps its value. */
export type ArticleColumns = Partial<
  Pick<
    Prisma.ArticleUncheckedCreateInput,
    | "slug"
    | "legacyId"
    | "sourceUrl"
    | "headline"
    | "dek"
    | "body"
    | "sectionId"
    | "bylineLabel"
    | "authorId"
    | "leadImageUrl"
    | "leadImageAlt"
    | "leadImageCaption"
    | "leadImageCredit"
    | "leadImageRights"
    | "leadImageCaptionLang"
    | "status"
    | "commentsOpen"
  >
> & { publishedAt?: Date | null; commentsCloseAt?: Date | null; deletedAt?: Date | null };

export interface ArticleSave {
  /** The article to change; null makes a new one (its slug and headline are then required). */
  id: number | null;
  columns: ArticleColumns;
  /** The tag names, in full; undefined leaves the tags as they are. */
  tags?: readonly string[];
  /**
   * Comments close this many days after publication (null: never). Left undefined on a new article,
   * the site's default applies (lib/settings.ts); on an update, the close time is left as it is.
   * An explicit `columns.commentsCloseAt` wins over both.
   */
  commentsCloseAfterDays?: number | null;
  /** Who saved, for the revision; null: the importer. */
  savedBy: string | null;
  /**
   * Written in the same transaction, after the article: what must never exist without it, or it
   * without them (an imported post's comments).
   */
  alongside?: (tx: Prisma.TransactionClient, article: { id: number }) => Promise<void>;
}

export interface SavedArticle {
  id: number;
  slug: string;
  /** The slug before this save, when the save changed it (it is now a redirect). */
  previousSlug: string | null;
}

async function assertSectionExists(sectionId: number | null | undefined): Promise<void> {
  if (sectionId === null || sectionId === undefined) return;
  if (!(await db.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
    throw new InvalidInputError({ sectionId: ["قسم غير موجود."] });
  }
}

/** The source URL identifies an imported page (lib/import), so one page backs one article. */
async function assertSourceUrlFree(sourceUrl: string | null | undefined, articleId: number | null): Promise<void> {
  if (sourceUrl === null || sourceUrl === undefined) return;
  const owner = await db.article.findUnique({ where: { sourceUrl }, select: { id: true } });
  if (owner && owner.id !== articleId)
    throw new InvalidInputError({ sourceUrl: ["رابط المصدر هذا مستخدم لمقال آخر."] });
}

async function closeAfterDays(save: ArticleSave): Promise<number | null | undefined> {
  if (save.commentsCloseAfterDays !== undefined || save.id !== null) return save.commentsCloseAfterDays;
  return (await getSettings()).commentsCloseAfterDays;
}

function commentsCloseAt(publishedAt: Date | null, days: number | null): Date | null {
  return publishedAt && days ? new Date(publishedAt.getTime() + days * DAY_MS) : null;
}

export async function saveArticle(save: ArticleSave): Promise<SavedArticle> {
  const { id, columns } = save;
  if (columns.slug !== undefined) await assertSlugFree(columns.slug, id);
  await assertSectionExists(columns.sectionId);
  await assertSourceUrlFree(columns.sourceUrl, id);
  const days = await closeAfterDays(save);

  return db.$transaction(async (tx) => {
    const current =
      id === null
        ? null
        : await tx.article.findUniqueOrThrow({ where: { id }, select: { slug: true, publishedAt: true } });
    const publishedAt = columns.publishedAt !== undefined ? columns.publishedAt : (current?.publishedAt ?? null);
    const data = {
      ...columns,
      ...(columns.commentsCloseAt === undefined && days !== undefined
        ? { commentsCloseAt: commentsCloseAt(publishedAt, days) }
        : {}),
    };
    let saved: { id: number; slug: string };
    if (id === null) {
      const { slug, headline, body } = data;
      if (slug === undefined || headline === undefined || body === undefined)
        throw new Error("a new article needs a slug, a headline and a body");
      saved = await tx.article.create({ data: { ...data, slug, headline, body }, select: { id: true, slug: true } });
    } else {
      await recordOriginalIfFirst(tx, id);
      saved = await tx.article.update({ where: { id }, data, select: { id: true, slug: true } });
    }
    if (save.tags) await setArticleTags(tx, saved.id, save.tags);
    if (save.alongside) await save.alongside(tx, saved);
    if (current) await recordSlugChange(tx, saved.id, current.slug, saved.slug);
    await recordRevision(tx, saved.id, save.savedBy);
    return { ...saved, previousSlug: current && current.slug !== saved.slug ? current.slug : null };
  });
}

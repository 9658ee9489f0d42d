import "server-only";
import { readFile } from "node:fs/promises";
import { bodyFromParagraphs, serializeArticleBody } from "../articles/body/document";
import { saveArticle } from "../articles/save";
import { availableSlug } from "../articles/slugs";
import { db } from "../db/client";
import { slugify } from "../slug";
import { getSectionBySlug, sectionNamed } from "../taxonomy/sections";
import { parseArticleText } from "./parse-article-text";

export interface ImportOptions {
  /** The file format carries no date; without this, a new article is dated at import time. */
  publishedAt?: Date;
}

/** The columns an import owns; everything else (slug, status, dates) is the newsroom's. */
interface ImportedArticle {
  headline: string;
  body: string;
  sourceUrl: string;
  legacyId: string | null;
  bylineLabel: string | null;
  leadImageCaption: string | null;
  leadImageCredit: string | null;
  leadImageRights: string | null;
  leadImageCaptionLang: string | null;
  commentsOpen: boolean;
}

export type ImportOutcome = "created" | "updated" | "unchanged";

export interface SavedImport {
  outcome: ImportOutcome;
  id: number;
  slug: string;
  publishedAt: Date | null;
}

/** Parses first and writes only a valid article: a malformed file throws ArticleFormatError and writes nothing. */
export async function importArticleText(
  text: string,
  { publishedAt = new Date() }: ImportOptions = {},
): Promise<SavedImport> {
  const parsed = parseArticleText(text);
  const article: ImportedArticle = {
    headline: parsed.headline,
    body: serializeArticleBody(bodyFromParagraphs(parsed.paragraphs)),
    sourceUrl: parsed.sourceUrl,
    legacyId: parsed.legacyId,
    bylineLabel: parsed.bylineLabel,
    leadImageCaption: parsed.leadImage?.caption ?? null,
    leadImageCredit: parsed.leadImage?.credit ?? null,
    leadImageRights: parsed.leadImage?.rights ?? null,
    leadImageCaptionLang: parsed.leadImage?.captionLang ?? null,
    commentsOpen: parsed.commentsOpen,
  };
  return saveImportedArticle(article, await sectionNameFor(parsed.sectionName), publishedAt);
}

/**
 * Sections are addressed by slug: a desk label spelled another way (tashkeel, case, a stray mark)
 * that gives an existing section's slug names that section, not a new one with the same address.
 */
async function sectionNameFor(name: string | null): Promise<string | null> {
  if (name === null) return null;
  return (await getSectionBySlug(slugify(name)))?.name ?? name;
}

/**
 * Creates the article, or updates the one with the same legacy id or source URL, through the
 * articles' one write path (the revision is the importer's). An import of unchanged text writes
 * nothing, so importing twice is harmless.
 */
async function saveImportedArticle(
  article: ImportedArticle,
  sectionName: string | null,
  publishedAt: Date,
): Promise<SavedImport> {
  const existing = await db.article.findFirst({
    where: { OR: [{ sourceUrl: article.sourceUrl }, ...(article.legacyId ? [{ legacyId: article.legacyId }] : [])] },
    include: { section: { select: { name: true } } },
  });
  if (existing) {
    const unchanged =
      (existing.section?.name ?? null) === sectionName &&
      (Object.keys(article) as (keyof ImportedArticle)[]).every((key) => existing[key] === article[key]);
    if (unchanged)
      return { outcome: "unchanged", id: existing.id, slug: existing.slug, publishedAt: existing.publishedAt };
  }
  const sectionId = sectionName === null ? null : (await sectionNamed(sectionName)).id;
  const saved = existing
    ? await saveArticle({ id: existing.id, columns: { ...article, sectionId }, savedBy: null })
    : await saveArticle({
        id: null,
        columns: {
          ...article,
          sectionId,
          slug: await availableSlug(slugify(article.headline)),
          status: "PUBLISHED",
          publishedAt,
        },
        savedBy: null,
      });
  return {
    outcome: existing ? "updated" : "created",
    id: saved.id,
    slug: saved.slug,
    publishedAt: existing ? existing.publishedAt : publishedAt,
  };
}

export async function importArticleFile(path: string, options: ImportOptions = {}): Promise<SavedImport> {
  return importArticleText(await readFile(path, "utf8"), options);
}

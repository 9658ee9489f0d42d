import "server-only";
import { readFile } from "node:fs/promises";
import { bodyFromParagraphs, serializeArticleBody } from "../articles/body/document";
import { saveImportedArticle, type SavedImport } from "../articles/reads";
import { getSectionBySlug } from "../taxonomy/sections";
import { slugify } from "../slug";
import { parseArticleText } from "./parse-article-text";

export interface ImportOptions {
  /** The file format carries no date; without this, a new article is dated at import time. */
  publishedAt?: Date;
}

/** Parses first and writes only a valid article: a malformed file throws ArticleFormatError and writes nothing. */
export async function importArticleText(text: string, { publishedAt = new Date() }: ImportOptions = {}): Promise<SavedImport> {
  const parsed = parseArticleText(text);
  return saveImportedArticle(
    {
      headline: parsed.headline,
      body: serializeArticleBody(bodyFromParagraphs(parsed.paragraphs)),
      sourceUrl: parsed.sourceUrl,
      legacyId: parsed.legacyId,
      bylineLabel: parsed.bylineLabel,
      sectionName: await sectionNamed(parsed.sectionName),
      leadImageCaption: parsed.leadImage?.caption ?? null,
      leadImageCredit: parsed.leadImage?.credit ?? null,
      leadImageRights: parsed.leadImage?.rights ?? null,
      leadImageCaptionLang: parsed.leadImage?.captionLang ?? null,
      commentsOpen: parsed.commentsOpen,
    },
    { publishedAt },
  );
}

/**
 * Sections are addressed by slug: a desk label spelled another way (tashkeel, case, a stray mark)
 * that gives an existing section's slug names that section, not a new one with the same address.
 */
async function sectionNamed(name: string | null): Promise<string | null> {
  if (name === null) return null;
  return (await getSectionBySlug(slugify(name)))?.name ?? name;
}

export async function importArticleFile(path: string, options: ImportOptions = {}): Promise<SavedImport> {
  return importArticleText(await readFile(path, "utf8"), options);
}

import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { slugify } from "../slug";

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

export interface TagLink {
  slug: string;
  name: string;
}

/** "كازاخستان، روسيا, الأمن" → distinct, trimmed names; separators: Arabic or Latin comma. */
export function parseTagNames(input: string): string[] {
  const names = input
    .split(/[,،]/)
    .map((name) => name.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** Replaces an article's tags, creating the ones that do not exist yet. */
export async function setArticleTags(
  tx: Prisma.TransactionClient,
  articleId: number,
  names: readonly string[],
): Promise<void> {
  await tx.articleTag.deleteMany({ where: { articleId } });
  for (const name of names) {
    const tag = await tx.tag.upsert({
      where: { name },
      create: { name, slug: slugify(name) || `وسم-${Date.now()}` },
      update: {},
    });
    await tx.articleTag.create({ data: { articleId, tagId: tag.id } });
  }
}

export function getTagBySlug(slug: string): Promise<TagLink | null> {
  return db.tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

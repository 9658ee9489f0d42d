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

/**
 * Replaces an article's tags, creating the ones that do not exist yet, in a fixed number of
 * statements whatever the number of tags. Returns the tags with their slugs.
 */
export async function setArticleTags(
  tx: Prisma.TransactionClient,
  articleId: number,
  names: readonly string[],
): Promise<TagLink[]> {
  await tx.articleTag.deleteMany({ where: { articleId } });
  if (names.length === 0) return [];
  const select = { id: true, name: true, slug: true } as const;
  const existing = await tx.tag.findMany({ where: { name: { in: [...names] } }, select });
  const known = new Set(existing.map((tag) => tag.name));
  const missing = names.filter((name) => !known.has(name));
  const created = missing.length
    ? await tx.tag.createManyAndReturn({
        data: missing.map((name, index) => ({ name, slug: slugify(name) || `وسم-${Date.now()}-${index}` })),
        select,
      })
    : [];
  const tags = [...existing, ...created];
  await tx.articleTag.createMany({ data: tags.map((tag) => ({ articleId, tagId: tag.id })) });
  return tags.map(({ slug, name }) => ({ slug, name }));
}

export function getTagBySlug(slug: string): Promise<TagLink | null> {
  return db.tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

import "server-only";
import { db } from "../db/client";
import { InvalidInputError } from "../errors";
import { firstFreeSlug } from "../slug";

/**
 * `base`, or `base-2`, `base-3`… : the first slug no other article has, nor any in `alsoTaken`
 * (slugs an import has given out but not written yet, as in a dry run).
 */
export async function availableSlug(base: string, alsoTaken: ReadonlySet<string> = new Set()): Promise<string> {
  const stored = await db.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set([...alsoTaken, ...stored.map((row) => row.slug)]));
}

/** Refuses a slug another article has: every path that sets a slug goes through lib/articles/save.ts. */
export async function assertSlugFree(slug: string, articleId: number | null): Promise<void> {
  const owner = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (owner && owner.id !== articleId) throw new InvalidInputError({ slug: ["هذا الرابط مستخدم لمقال آخر."] });
}

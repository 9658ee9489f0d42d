import "server-only";
import { db } from "../db/client";
import { InvalidInputError } from "../errors";

/** `base`, or `base-2`, `base-3`… : the first slug no other article has. */
export async function availableSlug(base: string): Promise<string> {
  const taken = new Set(
    (await db.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (row) => row.slug,
    ),
  );
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

/** Refuses a slug another article has: every path that sets a slug goes through lib/articles/save.ts. */
export async function assertSlugFree(slug: string, articleId: number | null): Promise<void> {
  const owner = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (owner && owner.id !== articleId) throw new InvalidInputError({ slug: ["هذا الرابط مستخدم لمقال آخر."] });
}

import "server-only";
import { db } from "../db/client";
import { firstFreeSlug, slugify } from "../slug";

export interface AuthorProfile {
  id: string;
  slug: string | null;
  name: string;
  bio: string | null;
}

/** An author page's subject, by slug (or by id for accounts made before slugs). Email never leaves here. */
export function getAuthor(slugOrId: string): Promise<AuthorProfile | null> {
  return db.user.findFirst({
    where: { OR: [{ slug: slugOrId }, { id: slugOrId }] },
    select: { id: true, slug: true, name: true, bio: true },
  });
}

/** A unique author slug made from a name, for a new account. */
export async function availableAuthorSlug(name: string): Promise<string> {
  const base = slugify(name) || "كاتب";
  const stored = await db.user.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(stored.map((row) => row.slug)));
}

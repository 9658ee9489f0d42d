import "server-only";
import { db } from "../db/client";
import { slugify } from "../slug";

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
  const taken = new Set(
    (await db.user.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

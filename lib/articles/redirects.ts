import "server-only";
import { publicArticleWhere } from "./visibility";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

/*
 * Old addresses keep working: the origin site's `?p=<id>` links and the slugs an article had
 * before an editor renamed it both lead, permanently, to the article's current address.
 */

/** The current slug of the public article imported with this legacy id, or null. */
export async function findSlugByLegacyId(legacyId: string, now = new Date()): Promise<string | null> {
  if (!/^\d{1,18}$/.test(legacyId)) return null;
  const article = await db.article.findFirst({
    where: { legacyId, ...publicArticleWhere(now) },
    select: { slug: true },
  });
  return article?.slug ?? null;
}

/** Where an old slug now lives, when its article is public. */
export async function findRenamedArticleSlug(oldSlug: string, now = new Date()): Promise<string | null> {
  const redirect = await db.articleSlugRedirect.findFirst({
    where: { slug: oldSlug, article: publicArticleWhere(now) },
    select: { article: { select: { slug: true } } },
  });
  return redirect?.article.slug ?? null;
}

/**
 * Records a rename inside the transaction that made it. The new slug is live, so it stops being
 * anyone's redirect; the old one now points here.
 */
export async function recordSlugChange(
  tx: Prisma.TransactionClient,
  articleId: number,
  oldSlug: string,
  newSlug: string,
) {
  if (oldSlug === newSlug) return;
  await tx.articleSlugRedirect.deleteMany({ where: { slug: newSlug } });
  await tx.articleSlugRedirect.upsert({
    where: { slug: oldSlug },
    create: { slug: oldSlug, articleId },
    update: { articleId },
  });
}

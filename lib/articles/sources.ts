import "server-only";
import { db } from "../db/client";
import { slugify } from "../slug";
import { publicArticleWhere } from "./visibility";

/* Sources: the byline labels of articles signed without an account (agencies, desks), each with a page. */

/**
 * The byline label whose slug this is, among articles signed without an account. The labels are
 * few (agencies, desks), so they are compared in memory rather than stored with a slug column.
 */
export async function getSourceLabel(slug: string, now = new Date()): Promise<string | null> {
  const labels = await db.article.findMany({
    where: { authorId: null, bylineLabel: { not: null }, ...publicArticleWhere(now) },
    distinct: ["bylineLabel"],
    select: { bylineLabel: true },
  });
  return labels.map((row) => row.bylineLabel).find((label) => label !== null && slugify(label) === slug) ?? null;
}

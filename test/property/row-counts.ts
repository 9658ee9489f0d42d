// What a refused write must leave as it was: the rows of every table a save touches, in one query.
import { db } from "../../lib/db/client";

export type RowCounts = Record<string, number>;

export async function countRows(): Promise<RowCounts> {
  const [counts] = await db.$queryRaw<Record<string, bigint | number>[]>`
    SELECT
      (SELECT COUNT(*) FROM "Article") AS articles,
      (SELECT COUNT(*) FROM "ArticleRevision") AS revisions,
      (SELECT COUNT(*) FROM "Tag") AS tags,
      (SELECT COUNT(*) FROM "ArticleTag") AS "articleTags",
      (SELECT COUNT(*) FROM "ArticleSlugRedirect") AS redirects,
      (SELECT COUNT(*) FROM "Section") AS sections,
      (SELECT COUNT(*) FROM "Comment") AS comments`;
  return Object.fromEntries(Object.entries(counts).map(([table, count]) => [table, Number(count)]));
}

import "server-only";
import { publicArticleSql } from "../articles/visibility";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { ftsMatch } from "./query";
import type { SearchWindow } from "./types";

/*
 * The search statements of the SQLite build, in one place; lib/search/postgresql.ts has the same
 * exports. "ArticleSearch" is an FTS5 table filled by triggers on "Article"
 * (prisma/migrations/20261129100000_article_search): its rowid is the article's id. `words` must
 * come from parseSearchQuery (lib/search/query.ts); ftsMatch quotes every one of them.
 *
 * Only public articles are searched (`publicArticleSql`, lib/articles/visibility.ts).
 * Dates are bound as `Date` values, stored and compared as ISO-8601 text in UTC.
 */

/**
 * The statement behind searchPublishedArticles: the ids of the public articles matching all the
 * `words`, best first. A match in the headline weighs ten times one in the body, the dek five times
 * (bm25); equal relevance goes to the newer article.
 */
export function searchStatement(words: readonly string[], { limit, offset, now }: SearchWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT a."id" AS "id"
    FROM "ArticleSearch"
    JOIN "Article" a ON a."id" = "ArticleSearch".rowid
    WHERE "ArticleSearch" MATCH ${ftsMatch(words)}
      AND ${publicArticleSql(now)}
    ORDER BY bm25("ArticleSearch", 10.0, 5.0, 1.0), a."publishedAt" DESC, a."id" DESC
    LIMIT ${limit} OFFSET ${offset}
  `;
}

/** One page of the public articles matching all the `words`, best first (searchStatement): their ids. */
export async function searchPublishedArticles(words: readonly string[], window: SearchWindow): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: bigint | number }[]>(searchStatement(words, window));
  return rows.map((row) => Number(row.id));
}

/** How many public articles match all the `words`. */
export async function countPublishedMatches(words: readonly string[], now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ total: bigint | number }[]>(Prisma.sql`
    SELECT COUNT(*) AS "total"
    FROM "ArticleSearch"
    JOIN "Article" a ON a."id" = "ArticleSearch".rowid
    WHERE "ArticleSearch" MATCH ${ftsMatch(words)}
      AND ${publicArticleSql(now)}
  `);
  return Number(rows[0]?.total ?? 0);
}

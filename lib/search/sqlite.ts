import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/*
 * The search statements of the SQLite build, in one place, so a PostgreSQL file with the same
 * exports can sit beside it. "ArticleSearch" is an FTS5 table filled by triggers on "Article"
 * (prisma/migrations/20261129100000_article_search): its rowid is the article's id. `match` must
 * come from parseSearchQuery (lib/search/query.ts), which quotes every word.
 *
 * Only public articles are searched; the conditions mirror `publicArticleWhere` in lib/articles.ts.
 * Dates are bound as `Date` values, stored and compared as ISO-8601 text in UTC.
 */

function publicArticle(now: Date): Prisma.Sql {
  return Prisma.sql`a."status" IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= ${now} AND a."deletedAt" IS NULL`;
}

export interface SearchWindow {
  limit: number;
  offset: number;
  now: Date;
}

/**
 * The ids of the public articles matching `match`, best first: a match in the headline weighs ten
 * times one in the body, the dek five times (bm25); equal relevance goes to the newer article.
 */
export async function searchPublishedArticles(match: string, { limit, offset, now }: SearchWindow): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: bigint | number }[]>(Prisma.sql`
    SELECT a."id" AS "id"
    FROM "ArticleSearch"
    JOIN "Article" a ON a."id" = "ArticleSearch".rowid
    WHERE "ArticleSearch" MATCH ${match}
      AND ${publicArticle(now)}
    ORDER BY bm25("ArticleSearch", 10.0, 5.0, 1.0), a."publishedAt" DESC, a."id" DESC
    LIMIT ${limit} OFFSET ${offset}
  `);
  return rows.map((row) => Number(row.id));
}

/** How many public articles match `match`. */
export async function countPublishedMatches(match: string, now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ total: bigint | number }[]>(Prisma.sql`
    SELECT COUNT(*) AS "total"
    FROM "ArticleSearch"
    JOIN "Article" a ON a."id" = "ArticleSearch".rowid
    WHERE "ArticleSearch" MATCH ${match}
      AND ${publicArticle(now)}
  `);
  return Number(rows[0]?.total ?? 0);
}

import "server-only";
import { publicArticleSql } from "../articles/visibility";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { SearchWindow } from "./types";

/*
 * The PostgreSQL twin of lib/search/sqlite.ts. "ArticleSearch" holds one tsvector per article,
 * filled by triggers on "Article" (prisma/postgresql/migrations/20261129180000_article_search).
 * The words are bound as one text[] parameter and turned into a tsquery by the migration's
 * article_search_query(), which quotes every lexeme: no reader input is ever tsquery syntax.
 *
 * Only public articles are searched (`publicArticleSql`, lib/articles/visibility.ts).
 * Parameters are cast: PostgreSQL cannot infer a type for some of them.
 */

/** ts_rank's weights for D, C, B, A: body 0.1, dek 0.5, headline 1, as SQLite's bm25 gives 1, 5, 10. */
const FIELD_WEIGHTS = "{0.1, 0.2, 0.5, 1.0}";

/** The words as a tsquery, computed once per statement: the function is immutable and its argument a constant. */
function searchQuery(words: readonly string[]): Prisma.Sql {
  return Prisma.sql`article_search_query(${[...words]}::text[])`;
}

/**
 * The statement behind searchPublishedArticles: the ids of the public articles matching all the
 * `words`, best first. A match in the headline weighs ten times one in the body, the dek five times
 * (ts_rank's weights); equal relevance goes to the newer article.
 */
export function searchStatement(words: readonly string[], { limit, offset, now }: SearchWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT a."id" AS "id"
    FROM "ArticleSearch" s
    JOIN "Article" a ON a."id" = s."articleId"
    WHERE s."document" @@ ${searchQuery(words)}
      AND ${publicArticleSql(now)}
    ORDER BY ts_rank(${FIELD_WEIGHTS}::float4[], s."document", ${searchQuery(words)}) DESC, a."publishedAt" DESC, a."id" DESC
    LIMIT ${limit}::integer OFFSET ${offset}::integer
  `;
}

/** One page of the public articles matching all the `words`, best first (searchStatement): their ids. */
export async function searchPublishedArticles(words: readonly string[], window: SearchWindow): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>(searchStatement(words, window));
  return rows.map((row) => Number(row.id));
}

/** How many public articles match all the `words`. */
export async function countPublishedMatches(words: readonly string[], now: Date): Promise<number> {
  const rows = await db.$queryRaw<{ total: bigint | number }[]>(Prisma.sql`
    SELECT COUNT(*) AS "total"
    FROM "ArticleSearch" s
    JOIN "Article" a ON a."id" = s."articleId"
    WHERE s."document" @@ ${searchQuery(words)}
      AND ${publicArticleSql(now)}
  `);
  return Number(rows[0]?.total ?? 0);
}

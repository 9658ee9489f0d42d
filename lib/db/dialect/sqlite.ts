import "server-only";
import { db } from "../client";
import { Prisma } from "../../generated/prisma/client";
import { hourBefore, minuteBefore, type DatabaseStatements, type NewCommentRow } from "./types";

/*
 * Every raw SQL statement of the SQLite build, in one place; lib/db/dialect/postgresql.ts has the same
 * exports. Dates are bound as `Date` values: the driver adapter stores them as ISO-8601 text in
 * UTC, the same as Prisma's own writes, so they compare as strings.
 */

/**
 * Inserts the comment only if its article accepts comments at `createdAt` and its client is within
 * the rate limits, in one statement: neither an editor closing comments nor the client's other
 * requests can slip between the checks and the insert, whatever process they come from (SQLite runs
 * one writer at a time). The article conditions mirror `acceptsComments` in lib/comments/posting.ts.
 * Returns the new comment's id, or null when the article is missing, unpublished or closed, or the
 * client is over a limit.
 */
async function insertCommentIfArticleOpen(row: NewCommentRow): Promise<number | null> {
  const inserted = await db.$queryRaw<{ id: bigint | number }[]>(Prisma.sql`
    INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", "body", "status", "fingerprint", "createdAt")
    SELECT a."id", ${row.authorName}, ${row.authorEmail}, ${row.body}, ${row.status}, ${row.fingerprint}, ${row.createdAt}
    FROM "Article" a
    WHERE a."id" = ${row.articleId}
      AND a."status" IN ('PUBLISHED', 'SCHEDULED')
      AND a."publishedAt" <= ${row.createdAt}
      AND a."deletedAt" IS NULL
      AND a."commentsOpen" = 1
      AND (a."commentsCloseAt" IS NULL OR a."commentsCloseAt" > ${row.createdAt})
      AND (${row.limits.perMinute} = 0 OR (
        SELECT COUNT(*) FROM "Comment" c WHERE c."fingerprint" = ${row.fingerprint} AND c."createdAt" > ${minuteBefore(row.createdAt)}
      ) < ${row.limits.perMinute})
      AND (${row.limits.perHour} = 0 OR (
        SELECT COUNT(*) FROM "Comment" c WHERE c."fingerprint" = ${row.fingerprint} AND c."createdAt" > ${hourBefore(row.createdAt)}
      ) < ${row.limits.perHour})
    RETURNING "id"
  `);
  return inserted[0] ? Number(inserted[0].id) : null;
}

export const sqliteStatements: DatabaseStatements = {
  insertCommentIfArticleOpen,
  // Transactions are already IMMEDIATE (lib/db/sqlite-adapter.ts): each one holds the write lock.
  serializeSignInClaims: async () => {},
};

import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/*
 * Every raw SQL statement of the SQLite build, in one place, so a PostgreSQL file with the same
 * exports can sit beside it. Dates are bound as `Date` values: the driver adapter stores them as
 * ISO-8601 text in UTC, the same as Prisma's own writes, so they compare as strings.
 */

const minuteBefore = (date: Date) => new Date(date.getTime() - 60_000);
const hourBefore = (date: Date) => new Date(date.getTime() - 3_600_000);

export interface NewCommentRow {
  articleId: number;
  authorName: string;
  authorEmail: string | null;
  body: string;
  status: "PENDING" | "APPROVED";
  fingerprint: string | null;
  createdAt: Date;
  /** Most comments one fingerprint may post in the last minute / hour; 0: no limit. */
  limits: { perMinute: number; perHour: number };
}

/**
 * Inserts the comment only if its article accepts comments at `createdAt` and its client is within
 * the rate limits, in one statement: neither an editor closing comments nor the client's other
 * requests can slip between the checks and the insert, whatever process they come from. The
 * article conditions mirror `acceptsComments` in lib/comments.ts.
 * Returns the new comment's id, or null when the article is missing, unpublished or closed, or the
 * client is over a limit.
 */
export async function insertCommentIfArticleOpen(row: NewCommentRow): Promise<number | null> {
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

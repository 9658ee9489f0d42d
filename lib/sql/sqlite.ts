import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/*
 * Every raw SQL statement of the SQLite build, in one place, so a PostgreSQL file with the same
 * exports can sit beside it. Dates are bound as `Date` values: the driver adapter stores them as
 * ISO-8601 text in UTC, the same as Prisma's own writes, so they compare as strings.
 */

export interface NewCommentRow {
  articleId: number;
  authorName: string;
  authorEmail: string | null;
  body: string;
  status: "PENDING" | "APPROVED";
  fingerprint: string | null;
  createdAt: Date;
}

/**
 * Inserts the comment only if its article accepts comments at `createdAt`, in one statement: the
 * check and the insert cannot be split by an editor closing comments in between, whatever process
 * the close comes from. The conditions mirror `acceptsComments` in lib/comments.ts.
 * Returns the new comment's id, or null when the article is missing, unpublished or closed.
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
    RETURNING "id"
  `);
  return inserted[0] ? Number(inserted[0].id) : null;
}

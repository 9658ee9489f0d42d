import "server-only";
import { db } from "../client";
import { Prisma } from "../../generated/prisma/client";
import { hourBefore, minuteBefore, type DatabaseStatements, type NewCommentRow } from "./types";

/*
 * The PostgreSQL twin of lib/db/dialect/sqlite.ts. PostgreSQL runs writers side by side (READ COMMITTED),
 * so what SQLite gets from its single writer is asked for explicitly: a row lock on the article,
 * advisory locks around counts that decide an insert. Parameters whose type PostgreSQL cannot infer
 * from the statement (a SELECT list feeding an INSERT) are cast.
 */

// Keys for pg_advisory_xact_lock: the first number names what is locked, the second which one.
const COMMENT_LIMIT_LOCK = 1;
const SIGN_IN_LOCK = 2;

/**
 * As on SQLite: the comment goes in only while its article accepts comments and its client is within
 * the limits. `FOR SHARE` on the article makes the insert wait for an editor's uncommitted close and
 * then re-read the row, so no comment is stored after the close committed; the advisory lock on the
 * fingerprint makes one client's posts count one after the other, so a burst cannot all pass.
 */
async function insertCommentIfArticleOpen(row: NewCommentRow): Promise<number | null> {
  const limited = row.fingerprint !== null && (row.limits.perMinute > 0 || row.limits.perHour > 0);
  const insert = db.$queryRaw<{ id: number }[]>(Prisma.sql`
    INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", "body", "status", "fingerprint", "createdAt")
    SELECT a."id", ${row.authorName}::text, ${row.authorEmail}::text, ${row.body}::text,
      ${row.status}::"CommentStatus", ${row.fingerprint}::text, ${row.createdAt}::timestamp(3)
    FROM "Article" a
    WHERE a."id" = ${row.articleId}::integer
      AND a."status" IN ('PUBLISHED', 'SCHEDULED')
      AND a."publishedAt" <= ${row.createdAt}::timestamp(3)
      AND a."deletedAt" IS NULL
      AND a."commentsOpen"
      AND (a."commentsCloseAt" IS NULL OR a."commentsCloseAt" > ${row.createdAt}::timestamp(3))
      AND (${row.limits.perMinute}::integer = 0 OR (
        SELECT COUNT(*) FROM "Comment" c WHERE c."fingerprint" = ${row.fingerprint}::text AND c."createdAt" > ${minuteBefore(row.createdAt)}::timestamp(3)
      ) < ${row.limits.perMinute}::integer)
      AND (${row.limits.perHour}::integer = 0 OR (
        SELECT COUNT(*) FROM "Comment" c WHERE c."fingerprint" = ${row.fingerprint}::text AND c."createdAt" > ${hourBefore(row.createdAt)}::timestamp(3)
      ) < ${row.limits.perHour}::integer)
    FOR SHARE OF a
    RETURNING "id"
  `);
  const inserted = limited
    ? (
        await db.$transaction([
          db.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${COMMENT_LIMIT_LOCK}::integer, hashtext(${row.fingerprint}::text))`,
          insert,
        ])
      )[1]
    : await insert;
  return inserted[0] ? Number(inserted[0].id) : null;
}

export const postgresqlStatements: DatabaseStatements = {
  insertCommentIfArticleOpen,
  async serializeSignInClaims(tx) {
    await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${SIGN_IN_LOCK}::integer, 0)`;
  },
};

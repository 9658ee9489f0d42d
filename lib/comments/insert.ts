import "server-only";
import { db } from "../db/client";
import { dialect, WRITER_SCOPES } from "../db/dialect";
import { Prisma } from "../generated/prisma/client";
import { acceptsCommentsSql, answersApprovedCommentSql } from "./rules";

export interface NewCommentRow {
  articleId: number;
  /** The comment it answers, or null. */
  parentId: number | null;
  authorName: string;
  authorEmail: string | null;
  body: string;
  status: "PENDING" | "APPROVED";
  fingerprint: string | null;
  createdAt: Date;
  /** Most comments one fingerprint may post in the last minute / hour; 0: no limit. */
  limits: { perMinute: number; perHour: number };
}

const minuteBefore = (date: Date) => new Date(date.getTime() - 60_000);
const hourBefore = (date: Date) => new Date(date.getTime() - 3_600_000);

function postedSince(fingerprint: string | null, since: Date): Prisma.Sql {
  return Prisma.sql`(SELECT COUNT(*) FROM "Comment" c
        WHERE c."fingerprint" = ${dialect.value(fingerprint, "text")} AND c."createdAt" > ${dialect.value(since, "timestamp(3)")})`;
}

/**
 * Inserts the comment only if its article accepts comments at `createdAt`, the comment it answers
 * (if any) is an approved one of that article, and its client is within the rate limits, in one statement: neither an editor closing comments nor the client's other
 * requests can slip between the checks and the insert, whatever process they come from. On
 * PostgreSQL the article row is share-locked (an uncommitted close is waited for, then read) and one
 * client's posts are counted one after the other. Returns the new comment's id, or null when the
 * article is missing, not public or closed, the parent is not an approved comment of it, or the
 * client is over a limit.
 */
export async function insertCommentIfArticleOpen(row: NewCommentRow): Promise<number | null> {
  const { perMinute, perHour } = row.limits;
  const insert = db.$queryRaw<{ id: bigint | number }[]>(Prisma.sql`
    INSERT INTO "Comment" ("articleId", "parentId", "authorName", "authorEmail", "body", "status", "fingerprint", "createdAt")
    SELECT a."id", ${dialect.value(row.parentId, "integer")}, ${dialect.value(row.authorName, "text")}, ${dialect.value(row.authorEmail, "text")},
      ${dialect.value(row.body, "text")}, ${dialect.value(row.status, '"CommentStatus"')},
      ${dialect.value(row.fingerprint, "text")}, ${dialect.value(row.createdAt, "timestamp(3)")}
    FROM "Article" a
    WHERE a."id" = ${dialect.value(row.articleId, "integer")}
      AND ${acceptsCommentsSql(row.createdAt)}
      AND ${answersApprovedCommentSql(row.parentId)}
      AND (${dialect.value(perMinute, "integer")} = 0 OR ${postedSince(row.fingerprint, minuteBefore(row.createdAt))} < ${dialect.value(perMinute, "integer")})
      AND (${dialect.value(perHour, "integer")} = 0 OR ${postedSince(row.fingerprint, hourBefore(row.createdAt))} < ${dialect.value(perHour, "integer")})
    ${dialect.lockForShare("a")}
    RETURNING "id"
  `);
  const limited = row.fingerprint !== null && (perMinute > 0 || perHour > 0);
  const serialize = limited ? dialect.serializeWriters(WRITER_SCOPES.commentLimits, row.fingerprint ?? "") : null;
  const inserted = serialize ? (await db.$transaction([db.$queryRaw(serialize), insert]))[1] : await insert;
  return inserted[0] ? Number(inserted[0].id) : null;
}

import "server-only";
import { isPublicArticle, publicArticleSql } from "../articles/visibility";
import { dialect } from "../db/dialect";
import { Prisma } from "../generated/prisma/client";

/*
 * When an article takes comments, written once: while it is public, its comments are open, and its
 * automatic close time (if any) has not passed. A reply answers an approved comment of the same
 * article. The insert (./insert.ts) checks `acceptsCommentsSql` and `answersApprovedCommentSql`
 * inside its own statement, so no close (and no moderator's rejection) can slip between a check and
 * the write; pages and the refusal's reason use `acceptsComments` on a row already read.
 */

interface CommentsSetting {
  status: string;
  publishedAt: Date | null;
  deletedAt: Date | null;
  commentsOpen: boolean;
  commentsCloseAt: Date | null;
}

export function acceptsComments(article: CommentsSetting, now: Date): boolean {
  const closedByDate = article.commentsCloseAt !== null && article.commentsCloseAt <= now;
  return isPublicArticle(article, now) && article.commentsOpen && !closedByDate;
}

/** The rule over the article row aliased `a` in a hand-written statement. */
export function acceptsCommentsSql(now: Date): Prisma.Sql {
  const at = dialect.value(now, "timestamp(3)");
  return Prisma.sql`${publicArticleSql(now)}
      AND ${dialect.isTrue(Prisma.sql`a."commentsOpen"`)}
      AND (a."commentsCloseAt" IS NULL OR a."commentsCloseAt" > ${at})`;
}

/** A reply's parent, in the statement where the article row is aliased `a`: approved, and of that article. */
export function answersApprovedCommentSql(parentId: number | null): Prisma.Sql {
  if (parentId === null) return Prisma.sql`1 = 1`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Comment" p
      WHERE p."id" = ${dialect.value(parentId, "integer")} AND p."articleId" = a."id" AND p."status" = 'APPROVED')`;
}

/** How deep replies nest on the page; deeper ones are shown at this depth, after their thread. */
export const MAX_REPLY_DEPTH = 3;

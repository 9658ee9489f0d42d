import type { Prisma } from "../../generated/prisma/client";

/** The statements each database has its own SQL for: lib/db/dialect/sqlite.ts and lib/db/dialect/postgresql.ts. */
export interface DatabaseStatements {
  insertCommentIfArticleOpen(row: NewCommentRow): Promise<number | null>;
  /** Makes concurrent sign-in claims wait for each other inside their transactions. */
  serializeSignInClaims(tx: Prisma.TransactionClient): Promise<void>;
}

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

export const minuteBefore = (date: Date) => new Date(date.getTime() - 60_000);
export const hourBefore = (date: Date) => new Date(date.getTime() - 3_600_000);

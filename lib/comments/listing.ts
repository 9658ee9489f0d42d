import "server-only";
import { db } from "../db/client";

export interface PublicComment {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** Approved comments, oldest first, as readers see the conversation. */
export function listApprovedComments(articleId: number): Promise<PublicComment[]> {
  return db.comment.findMany({
    where: { articleId, status: "APPROVED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, authorName: true, body: true, createdAt: true },
  });
}

/**
 * The reader's own comments still waiting for approval (the ids come from their signed cookie), so
 * they see what they posted, marked as pending, and nobody else does.
 */
export function listOwnPendingComments(articleId: number, ids: readonly number[]): Promise<PublicComment[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.comment.findMany({
    where: { articleId, status: "PENDING", id: { in: [...ids] } },
    orderBy: { id: "asc" },
    select: { id: true, authorName: true, body: true, createdAt: true },
  });
}

import "server-only";
import { db } from "../db/client";
import { MAX_REPLY_DEPTH } from "./rules";

export interface PublicComment {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface ThreadedComment extends PublicComment {
  replies: ThreadedComment[];
}

/**
 * Approved comments as readers see the conversation: oldest first, each reply under the comment it
 * answers, nested up to MAX_REPLY_DEPTH levels; a deeper reply joins the replies of the last
 * level, and one whose parent is not shown (held, removed) stands on its own.
 */
export async function listApprovedComments(articleId: number): Promise<ThreadedComment[]> {
  const rows = await db.comment.findMany({
    where: { articleId, status: "APPROVED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, parentId: true, authorName: true, body: true, createdAt: true },
  });
  return commentThreads(rows);
}

export function commentThreads(rows: readonly (PublicComment & { parentId: number | null })[]): ThreadedComment[] {
  const roots: ThreadedComment[] = [];
  const placed = new Map<number, { node: ThreadedComment; depth: number; list: ThreadedComment[] }>();
  for (const { parentId, ...comment } of rows) {
    const parent = parentId === null ? undefined : placed.get(parentId);
    const node: ThreadedComment = { ...comment, replies: [] };
    const at = !parent
      ? { depth: 1, list: roots }
      : parent.depth < MAX_REPLY_DEPTH
        ? { depth: parent.depth + 1, list: parent.node.replies }
        : // Past the last level: among its parent's siblings, in the order it was written.
          { depth: parent.depth, list: parent.list };
    at.list.push(node);
    placed.set(comment.id, { node, ...at });
  }
  return roots;
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

/** A published comment of the article, the one a reply page answers; null for any other id. */
export function getApprovedComment(articleId: number, commentId: number): Promise<PublicComment | null> {
  return db.comment.findFirst({
    where: { id: commentId, articleId, status: "APPROVED" },
    select: { id: true, authorName: true, body: true, createdAt: true },
  });
}

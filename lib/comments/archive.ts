import "server-only";
import type { Prisma } from "../generated/prisma/client";

/*
 * Comments brought from the site a newsroom moves from, with the state and the thread they had
 * there. Not a reader posting: the closing rule (rules.ts) is about new comments, and an archive's
 * comments on a post that is closed now were taken while it was open. Written only inside the
 * import's transaction for their article (lib/import), keyed by their id on the old site, so a
 * second import updates them instead of adding them again.
 */

export interface ArchivedComment {
  legacyId: string;
  /** The old site's id of the comment it answers, or null. */
  parentLegacyId: string | null;
  authorName: string;
  authorEmail: string | null;
  body: string;
  status: "APPROVED" | "PENDING" | "SPAM" | "REJECTED";
  createdAt: Date;
}

export interface ArchivedCommentsResult {
  created: number;
  updated: number;
  /** Replies whose parent is not among the article's comments: kept, as comments of their own. */
  orphans: string[];
}

/** Parents before their replies (an export lists them in any order); a cycle is cut where it closes. */
function threadOrder(comments: readonly ArchivedComment[]): ArchivedComment[] {
  const byId = new Map(comments.map((comment) => [comment.legacyId, comment]));
  const ordered: ArchivedComment[] = [];
  const placed = new Set<string>();
  const place = (comment: ArchivedComment, path: Set<string>) => {
    if (placed.has(comment.legacyId)) return;
    path.add(comment.legacyId);
    const parent = comment.parentLegacyId ? byId.get(comment.parentLegacyId) : undefined;
    if (parent && !path.has(parent.legacyId)) place(parent, path);
    placed.add(comment.legacyId);
    ordered.push(comment);
  };
  for (const comment of comments) place(comment, new Set());
  return ordered;
}

export async function writeArchivedComments(
  tx: Prisma.TransactionClient,
  articleId: number,
  comments: readonly ArchivedComment[],
): Promise<ArchivedCommentsResult> {
  const existing = new Map(
    (
      await tx.comment.findMany({
        where: { articleId, legacyId: { not: null } },
        select: { id: true, legacyId: true },
      })
    ).map((row) => [row.legacyId as string, row.id]),
  );
  const result: ArchivedCommentsResult = { created: 0, updated: 0, orphans: [] };
  const ids = new Map(existing);
  for (const comment of threadOrder(comments)) {
    const parentId = comment.parentLegacyId ? (ids.get(comment.parentLegacyId) ?? null) : null;
    if (comment.parentLegacyId && parentId === null) result.orphans.push(comment.legacyId);
    const data = {
      authorName: comment.authorName,
      authorEmail: comment.authorEmail,
      body: comment.body,
      status: comment.status,
      createdAt: comment.createdAt,
      parentId,
    };
    const id = ids.get(comment.legacyId);
    if (id !== undefined && existing.has(comment.legacyId)) {
      await tx.comment.update({ where: { id }, data });
      result.updated += 1;
    } else {
      const created = await tx.comment.create({
        data: { ...data, articleId, legacyId: comment.legacyId },
        select: { id: true },
      });
      ids.set(comment.legacyId, created.id);
      result.created += 1;
    }
  }
  return result;
}

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

/** The comments in generations: those that answer none (or one outside the set), then their replies, and so on. */
function generations(comments: readonly ArchivedComment[]): ArchivedComment[][] {
  const byId = new Map(comments.map((comment) => [comment.legacyId, comment]));
  const depth = new Map<string, number>();
  const depthOf = (comment: ArchivedComment, path: Set<string>): number => {
    const known = depth.get(comment.legacyId);
    if (known !== undefined) return known;
    const parent = comment.parentLegacyId ? byId.get(comment.parentLegacyId) : undefined;
    // A cycle (an export's error) is cut where it closes.
    const value = parent && !path.has(parent.legacyId) ? depthOf(parent, path.add(comment.legacyId)) + 1 : 0;
    depth.set(comment.legacyId, value);
    return value;
  };
  const levels: ArchivedComment[][] = [];
  for (const comment of comments) (levels[depthOf(comment, new Set())] ??= []).push(comment);
  return levels;
}

/**
 * Writes the article's archived comments: new ones in one statement per generation of the thread,
 * the ones an earlier import wrote updated in place.
 */
export async function writeArchivedComments(
  tx: Prisma.TransactionClient,
  articleId: number,
  comments: readonly ArchivedComment[],
): Promise<ArchivedCommentsResult> {
  const ids = new Map(
    (
      await tx.comment.findMany({
        where: { articleId, legacyId: { not: null } },
        select: { id: true, legacyId: true },
      })
    ).map((row) => [row.legacyId as string, row.id]),
  );
  const result: ArchivedCommentsResult = { created: 0, updated: 0, orphans: [] };
  for (const generation of generations(comments)) {
    const fresh: (ReturnType<typeof columnsOf> & { articleId: number; legacyId: string })[] = [];
    for (const comment of generation) {
      const parentId = comment.parentLegacyId ? (ids.get(comment.parentLegacyId) ?? null) : null;
      if (comment.parentLegacyId && parentId === null) result.orphans.push(comment.legacyId);
      const id = ids.get(comment.legacyId);
      if (id === undefined) fresh.push({ ...columnsOf(comment, parentId), articleId, legacyId: comment.legacyId });
      else {
        await tx.comment.update({ where: { id }, data: columnsOf(comment, parentId) });
        result.updated += 1;
      }
    }
    if (fresh.length === 0) continue;
    const created = await tx.comment.createManyAndReturn({ data: fresh, select: { id: true, legacyId: true } });
    for (const row of created) ids.set(row.legacyId as string, row.id);
    result.created += created.length;
  }
  return result;
}

function columnsOf(comment: ArchivedComment, parentId: number | null) {
  return {
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    body: comment.body,
    status: comment.status,
    createdAt: comment.createdAt,
    parentId,
  };
}

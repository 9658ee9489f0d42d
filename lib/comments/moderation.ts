import "server-only";
import { z } from "zod";
import { canModerateComments, type NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { ForbiddenError, InvalidInputError } from "../errors";
import type { CommentStatus } from "../generated/prisma/enums";

export const MODERATION_QUEUES = [
  "PENDING",
  "APPROVED",
  "SPAM",
  "REJECTED",
] as const satisfies readonly CommentStatus[];

const ACTION_TARGET = {
  approve: "APPROVED",
  spam: "SPAM",
  trash: "REJECTED",
  restore: "PENDING",
} as const satisfies Record<string, CommentStatus>;

export type ModerationAction = keyof typeof ACTION_TARGET;

const moderationSchema = z.object({
  action: z.enum(Object.keys(ACTION_TARGET) as [ModerationAction, ...ModerationAction[]], {
    error: "إجراء غير معروف.",
  }),
  ids: z.array(z.coerce.number().int().positive()).min(1, { error: "اختر تعليقًا واحدًا على الأقل." }).max(500),
});

function assertModerator(actor: NewsroomUser) {
  if (!canModerateComments(actor)) throw new ForbiddenError();
}

export async function countCommentsByStatus(actor: NewsroomUser): Promise<Record<CommentStatus, number>> {
  assertModerator(actor);
  const groups = await db.comment.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = { PENDING: 0, APPROVED: 0, SPAM: 0, REJECTED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

export const MODERATION_PAGE_SIZE = 50;

export async function listModerationQueue(actor: NewsroomUser, status: CommentStatus, page = 1) {
  assertModerator(actor);
  const [comments, total] = await Promise.all([
    db.comment.findMany({
      where: { status },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * MODERATION_PAGE_SIZE,
      take: MODERATION_PAGE_SIZE,
      select: {
        id: true,
        authorName: true,
        authorEmail: true,
        body: true,
        createdAt: true,
        article: { select: { slug: true, headline: true } },
      },
    }),
    db.comment.count({ where: { status } }),
  ]);
  return { comments, total, pageCount: Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE)) };
}

/** Moves comments between queues; returns the slugs of the articles whose pages changed. */
export async function moderateComments(
  actor: NewsroomUser,
  input: { action: unknown; ids: unknown },
): Promise<string[]> {
  assertModerator(actor);
  const parsed = moderationSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(z.flattenError(parsed.error).fieldErrors);
  const { action, ids } = parsed.data;
  await db.comment.updateMany({ where: { id: { in: ids } }, data: { status: ACTION_TARGET[action] } });
  const articles = await db.article.findMany({
    where: { comments: { some: { id: { in: ids } } } },
    select: { slug: true },
  });
  return articles.map((article) => article.slug);
}

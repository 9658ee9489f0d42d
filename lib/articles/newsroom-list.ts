import "server-only";
import { z } from "zod";
import { canSeeAllArticles, type NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

export const NEWSROOM_PAGE_SIZE = 25;

export const newsroomFilterSchema = z.object({
  status: z.enum(["DRAFT", "SCHEDULED", "PUBLISHED", "TRASH"]).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.string().max(100).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type NewsroomFilter = z.output<typeof newsroomFilterSchema>;

/** The newsroom's article list: editors see every article, authors their own. Trash is its own view. */
export async function listNewsroomArticles(actor: NewsroomUser, filter: NewsroomFilter) {
  const where: Prisma.ArticleWhereInput = {
    deletedAt: filter.status === "TRASH" ? { not: null } : null,
    ...(filter.status && filter.status !== "TRASH" ? { status: filter.status } : {}),
    ...(filter.section ? { sectionId: filter.section } : {}),
    ...(filter.q ? { headline: { contains: filter.q } } : {}),
    ...(canSeeAllArticles(actor) ? (filter.author ? { authorId: filter.author } : {}) : { authorId: actor.id }),
  };
  const [articles, total] = await Promise.all([
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * NEWSROOM_PAGE_SIZE,
      take: NEWSROOM_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        headline: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        commentsOpen: true,
        deletedAt: true,
        section: { select: { name: true } },
        author: { select: { name: true } },
      },
    }),
    db.article.count({ where }),
  ]);
  return { articles, total, pageCount: Math.max(1, Math.ceil(total / NEWSROOM_PAGE_SIZE)) };
}

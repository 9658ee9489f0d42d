// Test data with unique slugs, written through Prisma so each test builds exactly what it needs.
import { randomUUID } from "node:crypto";
import { bodyFromParagraphs, serializeArticleBody } from "../../lib/articles/body/document";
import { db } from "../../lib/db/client";
import type { ArticleStatus } from "../../lib/generated/prisma/client";

export interface ArticleOverrides {
  headline?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  commentsOpen?: boolean;
  commentsCloseAt?: Date | null;
}

export async function createArticle(overrides: ArticleOverrides = {}) {
  const unique = randomUUID().slice(0, 8);
  return db.article.create({
    data: {
      slug: `مقال-اختبار-${unique}`,
      headline: overrides.headline ?? `مقال اختبار ${unique}`,
      body: serializeArticleBody(bodyFromParagraphs(["فقرة أولى للاختبار.", "فقرة ثانية للاختبار."])),
      status: overrides.status ?? "PUBLISHED",
      publishedAt: overrides.publishedAt === undefined ? new Date(Date.now() - 60_000) : overrides.publishedAt,
      commentsOpen: overrides.commentsOpen ?? true,
      commentsCloseAt: overrides.commentsCloseAt ?? null,
    },
  });
}

export function countComments(articleId: number): Promise<number> {
  return db.comment.count({ where: { articleId } });
}

export async function createNewsroomUser(
  role: "ADMIN" | "EDITOR" | "AUTHOR",
): Promise<import("../../lib/auth/access").NewsroomUser> {
  const unique = randomUUID().slice(0, 8);
  return db.user.create({
    data: { id: randomUUID(), email: `${role.toLowerCase()}-${unique}@example.test`, name: `${role} ${unique}`, role },
    select: { id: true, name: true, email: true, role: true },
  });
}

/** What an editor's "close comments" does, without going through the newsroom's access rules. */
export async function setCommentsOpen(articleId: number, open: boolean): Promise<void> {
  await db.article.update({ where: { id: articleId }, data: { commentsOpen: open } });
}

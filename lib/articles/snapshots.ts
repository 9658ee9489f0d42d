import "server-only";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";

/*
 * What a revision holds: the article's columns and tag names as one save left them, who saved
 * (null: the importer) and when. Written by lib/articles/save.ts inside the save's transaction.
 */

export const snapshotSchema = z.object({
  headline: z.string(),
  slug: z.string(),
  dek: z.string().nullable(),
  body: z.string(),
  sectionId: z.number().nullable(),
  bylineLabel: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  leadImageUrl: z.string().nullable(),
  leadImageAlt: z.string().nullable(),
  leadImageCaption: z.string().nullable(),
  leadImageCredit: z.string().nullable(),
  leadImageCaptionLang: z.string().nullable(),
  status: z.enum(["DRAFT", "SCHEDULED", "PUBLISHED"]),
  publishedAt: z.iso.datetime().nullable(),
  commentsOpen: z.boolean(),
  commentsCloseAt: z.iso.datetime().nullable(),
  tags: z.array(z.string()).default([]),
});

type Snapshot = z.infer<typeof snapshotSchema>;
const SNAPSHOT_FIELDS = Object.keys(snapshotSchema.shape) as (keyof Snapshot)[];

type ArticleRow = Omit<
  { [Field in keyof Snapshot]: Field extends "publishedAt" | "commentsCloseAt" ? Date | null : Snapshot[Field] },
  "tags"
>;

function snapshotOf(article: ArticleRow, tags: string[]): string {
  const snapshot = Object.fromEntries(
    SNAPSHOT_FIELDS.filter((field) => field !== "tags").map((field) => [field, article[field]]),
  );
  return JSON.stringify({
    ...snapshot,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    commentsCloseAt: article.commentsCloseAt?.toISOString() ?? null,
    tags,
  });
}

/** Records the article's current state as a revision, inside the transaction that changed it. */
export async function recordRevision(tx: Prisma.TransactionClient, articleId: number, editorId: string | null) {
  const { tags, ...article } = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } } },
  });
  await tx.articleRevision.create({
    data: {
      articleId,
      editorId,
      snapshot: snapshotOf(
        article,
        tags.map(({ tag }) => tag.name),
      ),
    },
  });
}

/** Before an article's first recorded save (an import, say), keep the state it had. */
export async function recordOriginalIfFirst(tx: Prisma.TransactionClient, articleId: number) {
  if ((await tx.articleRevision.count({ where: { articleId } })) === 0) await recordRevision(tx, articleId, null);
}

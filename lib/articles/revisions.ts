import "server-only";
import { z } from "zod";
import { toReaderArticle, type ReaderArticle } from "./reads";
import { loadEditableArticle } from "./editable";
import type { NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { ArticleNotFoundError, ForbiddenError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { slugify } from "../slug";
import { recordSlugChange } from "./redirects";
import { setArticleTags } from "../taxonomy/tags";

/*
 * Every save of an article records the version it produced (who saved it, when). The newest
 * revision is the current text; older ones can be viewed and restored, which saves them again.
 */

const snapshotSchema = z.object({
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

type ArticleRow = Omit<{ [Field in keyof Snapshot]: Field extends "publishedAt" | "commentsCloseAt" ? Date | null : Snapshot[Field] }, "tags">;

function snapshotOf(article: ArticleRow, tags: string[]): string {
  const snapshot = Object.fromEntries(SNAPSHOT_FIELDS.filter((field) => field !== "tags").map((field) => [field, article[field]]));
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
  await tx.articleRevision.create({ data: { articleId, editorId, snapshot: snapshotOf(article, tags.map(({ tag }) => tag.name)) } });
}

/** Before an article's first recorded save (an import, say), keep the state it had. */
export async function recordOriginalIfFirst(tx: Prisma.TransactionClient, articleId: number) {
  if ((await tx.articleRevision.count({ where: { articleId } })) === 0) await recordRevision(tx, articleId, null);
}

export async function listRevisions(actor: NewsroomUser, articleId: number) {
  await loadEditableArticle(actor, articleId);
  const revisions = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { id: "desc" },
    select: { id: true, createdAt: true, snapshot: true, editor: { select: { name: true } } },
  });
  return revisions.map((revision, index) => ({
    id: revision.id,
    createdAt: revision.createdAt,
    editorName: revision.editor?.name ?? null,
    headline: snapshotSchema.parse(JSON.parse(revision.snapshot)).headline,
    isCurrent: index === 0,
  }));
}

async function loadRevision(actor: NewsroomUser, articleId: number, revisionId: number) {
  const revision = await db.articleRevision.findFirst({ where: { id: revisionId, articleId } });
  if (!revision) throw new ArticleNotFoundError();
  await loadEditableArticle(actor, articleId);
  return { ...revision, snapshot: snapshotSchema.parse(JSON.parse(revision.snapshot)) };
}

export interface RevisionPreview {
  /** The revision rendered as readers would have seen it. */
  article: ReaderArticle;
  createdAt: Date;
  editorName: string | null;
  isCurrent: boolean;
}

export async function getRevisionPreview(actor: NewsroomUser, articleId: number, revisionId: number): Promise<RevisionPreview> {
  const { snapshot, createdAt } = await loadRevision(actor, articleId, revisionId);
  const [editor, newer] = await Promise.all([
    db.articleRevision.findUnique({ where: { id: revisionId }, select: { editor: { select: { name: true } } } }),
    db.articleRevision.count({ where: { articleId, id: { gt: revisionId } } }),
  ]);
  const section = snapshot.sectionId
    ? await db.section.findUnique({ where: { id: snapshot.sectionId }, select: { slug: true, name: true } })
    : null;
  const article = toReaderArticle(
    {
      ...snapshot,
      id: articleId,
      status: snapshot.status,
      publishedAt: snapshot.publishedAt ? new Date(snapshot.publishedAt) : null,
      commentsCloseAt: snapshot.commentsCloseAt ? new Date(snapshot.commentsCloseAt) : null,
      updatedAt: createdAt,
      deletedAt: null,
      section,
      author: null,
      tags: snapshot.tags.map((name) => ({ tag: { name, slug: slugify(name) } })),
      _count: { comments: 0 },
    },
    createdAt,
  );
  return { article, createdAt, editorName: editor?.editor?.name ?? null, isCurrent: newer === 0 };
}

/**
 * Puts a revision's text back as the current version (a new revision, so the restore itself can
 * be undone). An author restores only within their own drafts, and never to a published state.
 */
export async function restoreRevision(actor: NewsroomUser, articleId: number, revisionId: number): Promise<{ slug: string; previousSlug: string }> {
  const { snapshot } = await loadRevision(actor, articleId, revisionId);
  if (snapshot.status !== "DRAFT" && actor.role === "AUTHOR") throw new ForbiddenError();
  return db.$transaction(async (tx) => {
    const current = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
    await recordOriginalIfFirst(tx, articleId);
    const slugTaken = await tx.article.findFirst({ where: { slug: snapshot.slug, id: { not: articleId } }, select: { id: true } });
    const sectionExists = snapshot.sectionId ? await tx.section.findUnique({ where: { id: snapshot.sectionId }, select: { id: true } }) : null;
    const { tags, ...columns } = snapshot;
    await tx.article.update({
      where: { id: articleId },
      data: {
        ...columns,
        slug: slugTaken ? current.slug : snapshot.slug,
        sectionId: sectionExists ? snapshot.sectionId : null,
        publishedAt: snapshot.publishedAt ? new Date(snapshot.publishedAt) : null,
        commentsCloseAt: snapshot.commentsCloseAt ? new Date(snapshot.commentsCloseAt) : null,
      },
    });
    await setArticleTags(tx, articleId, tags);
    const restored = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true } });
    await recordSlugChange(tx, articleId, current.slug, restored.slug);
    await recordRevision(tx, articleId, actor.id);
    return { slug: restored.slug, previousSlug: current.slug };
  });
}

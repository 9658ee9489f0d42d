import "server-only";
import { toReaderArticle, type ReaderArticle } from "./reads";
import { loadEditableArticle } from "./editable";
import { saveArticle } from "./save";
import { snapshotSchema } from "./snapshots";
import type { NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { ArticleNotFoundError, ForbiddenError } from "../errors";
import { slugify } from "../slug";

/*
 * An article's history: every save records the version it produced (./snapshots.ts). The newest
 * revision is the current text; older ones can be viewed and restored, which saves them again.
 */

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

export async function getRevisionPreview(
  actor: NewsroomUser,
  articleId: number,
  revisionId: number,
): Promise<RevisionPreview> {
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
 * Puts a revision's text back as the current version, through the one write path (a new revision,
 * so the restore itself can be undone; a slug another article has taken since is refused, as in the
 * editor). An author restores only within their own drafts, and never to a published state. A
 * section deleted since is left out rather than refusing the whole restore.
 */
export async function restoreRevision(
  actor: NewsroomUser,
  articleId: number,
  revisionId: number,
): Promise<{ slug: string; previousSlug: string }> {
  const { snapshot } = await loadRevision(actor, articleId, revisionId);
  if (snapshot.status !== "DRAFT" && actor.role === "AUTHOR") throw new ForbiddenError();
  const { tags, ...columns } = snapshot;
  const sectionExists = snapshot.sectionId
    ? await db.section.findUnique({ where: { id: snapshot.sectionId }, select: { id: true } })
    : null;
  const saved = await saveArticle({
    id: articleId,
    columns: {
      ...columns,
      sectionId: sectionExists ? snapshot.sectionId : null,
      publishedAt: snapshot.publishedAt ? new Date(snapshot.publishedAt) : null,
      commentsCloseAt: snapshot.commentsCloseAt ? new Date(snapshot.commentsCloseAt) : null,
    },
    tags,
    savedBy: actor.id,
  });
  return { slug: saved.slug, previousSlug: saved.previousSlug ?? saved.slug };
}

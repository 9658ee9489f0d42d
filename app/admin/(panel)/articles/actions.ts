"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createArticle,
  restoreArticle,
  setCommentsOpen,
  trashArticle,
  updateArticle,
  type SavedArticle,
} from "@/lib/articles/editing";
import { type ArticleFormField } from "@/lib/articles/form";
import { restoreRevision } from "@/lib/articles/revisions";
import { actingNewsroomUser } from "@/lib/auth/session";
import { articleChanged } from "@/lib/cache/expiry";
import { failure, formValues, type ActionState } from "../../action-state";

const FIELDS = [
  "headline",
  "slug",
  "dek",
  "body",
  "sectionId",
  "tags",
  "bylineLabel",
  "sourceUrl",
  "leadImageUrl",
  "leadImageAlt",
  "leadImageCaption",
  "leadImageCredit",
  "leadImageCaptionLang",
  "status",
  "publishAt",
  "commentsOpen",
  "commentsCloseAfterDays",
] as const satisfies readonly ArticleFormField[];

export type ArticleFormValues = Partial<Record<(typeof FIELDS)[number], string>>;

/** Readers see a change at once: the article (and its old address), the lists and the feeds. */
function revalidateReaderPages(saved: SavedArticle) {
  articleChanged(saved.previousSlug ? [saved.slug, saved.previousSlug] : [saved.slug]);
}

/** Creates (articleId null) or updates an article; every rule is checked again in lib/articles/editing.ts. */
export async function saveArticleAction(
  articleId: number | null,
  _previous: ActionState<ArticleFormValues>,
  formData: FormData,
): Promise<ActionState<ArticleFormValues>> {
  const values = formValues(formData, FIELDS);
  let saved: SavedArticle;
  try {
    const editor = await actingNewsroomUser();
    saved = articleId === null ? await createArticle(editor, values) : await updateArticle(editor, articleId, values);
  } catch (error) {
    return failure(error, values);
  }
  revalidateReaderPages(saved);
  // The edit page shows the notice: its form is rebuilt from what was saved.
  redirect(`/admin/articles/${saved.id}?saved=1`);
}

async function articleChange(change: () => Promise<SavedArticle>): Promise<ActionState> {
  try {
    revalidateReaderPages(await change());
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin/articles");
  return { status: "ok", message: "تم." };
}

export async function restoreRevisionAction(articleId: number, revisionId: number): Promise<ActionState> {
  try {
    const restored = await restoreRevision(await actingNewsroomUser(), articleId, revisionId);
    revalidateReaderPages({ id: articleId, slug: restored.slug, previousSlug: restored.previousSlug });
  } catch (error) {
    return failure(error);
  }
  redirect(`/admin/articles/${articleId}?restored=1`);
}

export async function setCommentsOpenAction(articleId: number, open: boolean): Promise<ActionState> {
  return articleChange(async () => setCommentsOpen(await actingNewsroomUser(), articleId, open));
}

export async function trashArticleAction(articleId: number): Promise<ActionState> {
  return articleChange(async () => trashArticle(await actingNewsroomUser(), articleId));
}

export async function restoreArticleAction(articleId: number): Promise<ActionState> {
  return articleChange(async () => restoreArticle(await actingNewsroomUser(), articleId));
}

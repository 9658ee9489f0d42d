import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  createArticle as createArticleAs,
  getArticleForEditing,
  getArticlePreview,
  restoreArticle,
  setCommentsOpen,
  trashArticle,
  updateArticle,
} from "../../lib/articles/editing";
import { listNewsroomArticles } from "../../lib/articles/newsroom-list";
import { countCommentsByStatus, listModerationQueue, moderateComments } from "../../lib/comments/moderation";
import { db } from "../../lib/db/client";
import { postComment } from "../../lib/comments/posting";
import { CommentsClosedError, ForbiddenError } from "../../lib/errors";
import { getSettings, updateSettings } from "../../lib/settings";
import { createArticle, createNewsroomUser } from "../support/factories";

const form = (overrides: Record<string, string> = {}) => ({
  headline: "خبر من غرفة الأخبار",
  body: "فقرة أولى.\n\nفقرة ثانية.",
  status: "DRAFT",
  commentsOpen: "on",
  ...overrides,
});

async function snapshot(id: number) {
  return db.article.findUniqueOrThrow({ where: { id } });
}

describe("what an author may not do", () => {
  test("publish or schedule, on a new article or their own draft", async () => {
    const author = await createNewsroomUser("AUTHOR");
    const before = await db.article.count();
    await assert.rejects(createArticleAs(author, form({ status: "PUBLISHED" })), ForbiddenError);
    await assert.rejects(
      createArticleAs(author, form({ status: "SCHEDULED", publishAt: "2030-01-01T10:00" })),
      ForbiddenError,
    );
    assert.equal(await db.article.count(), before);

    const draft = await createArticleAs(author, form());
    const unchanged = await snapshot(draft.id);
    await assert.rejects(updateArticle(author, draft.id, form({ status: "PUBLISHED" })), ForbiddenError);
    assert.deepEqual(await snapshot(draft.id), unchanged);
  });

  test("edit, preview or trash someone else's article, or their own once published", async () => {
    const author = await createNewsroomUser("AUTHOR");
    const others = await createArticle({ status: "DRAFT", publishedAt: null });
    const ownPublished = await db.article.update({
      where: { id: (await createArticle()).id },
      data: { authorId: author.id },
    });
    for (const article of [others, ownPublished]) {
      const before = await snapshot(article.id);
      await assert.rejects(updateArticle(author, article.id, form({ headline: "تعديل غير مسموح" })), ForbiddenError);
      await assert.rejects(getArticleForEditing(author, article.id), ForbiddenError);
      await assert.rejects(getArticlePreview(author, article.id), ForbiddenError);
      await assert.rejects(trashArticle(author, article.id), ForbiddenError);
      assert.deepEqual(await snapshot(article.id), before);
    }
  });

  test("open or close comments, restore from the trash, or moderate", async () => {
    const author = await createNewsroomUser("AUTHOR");
    const article = await createArticle({ commentsOpen: true });
    await db.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    const comment = await db.comment.create({
      data: { articleId: article.id, authorName: "قارئ", body: "نص", status: "PENDING" },
    });
    const before = await snapshot(article.id);

    await assert.rejects(setCommentsOpen(author, article.id, false), ForbiddenError);
    await assert.rejects(restoreArticle(author, article.id), ForbiddenError);
    await assert.rejects(moderateComments(author, { action: "approve", ids: [comment.id] }), ForbiddenError);
    await assert.rejects(countCommentsByStatus(author), ForbiddenError);
    await assert.rejects(listModerationQueue(author, "PENDING"), ForbiddenError);

    assert.deepEqual(await snapshot(article.id), before);
    assert.equal((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status, "PENDING");
  });

  test("see other people's articles in the newsroom list", async () => {
    const author = await createNewsroomUser("AUTHOR");
    const own = await createArticleAs(author, form({ headline: "مسودة الكاتب الخاصة" }));
    await createArticle({ headline: "مقال محرر آخر" });
    const { articles } = await listNewsroomArticles(author, { page: 1 });
    assert.deepEqual(
      articles.map((article) => article.id),
      [own.id],
    );
  });
});

describe("what only an admin may do", () => {
  test("an editor cannot change the site settings", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const before = await getSettings();
    await assert.rejects(
      updateSettings(editor, { commentModeration: "publish", commentsCloseAfterDays: 3 }),
      ForbiddenError,
    );
    assert.deepEqual(await getSettings(), before);
  });

  test("an admin can, and invalid values are refused with the field named", async () => {
    const admin = await createNewsroomUser("ADMIN");
    await assert.rejects(
      updateSettings(admin, { commentModeration: "sometimes" }),
      (error: { fieldErrors: Record<string, string[]> }) => {
        assert.deepEqual(Object.keys(error.fieldErrors), ["commentModeration"]);
        return true;
      },
    );
    assert.deepEqual(await updateSettings(admin, { commentModeration: "hold", commentsCloseAfterDays: 14 }), {
      commentModeration: "hold",
      commentsCloseAfterDays: 14,
    });
    await updateSettings(admin, { commentModeration: "hold", commentsCloseAfterDays: null });
  });
});

describe("automatic closing of comments", () => {
  test("an article set to close after N days takes comments until then and refuses them after", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const saved = await createArticleAs(
      editor,
      form({ status: "PUBLISHED", publishAt: "2026-01-01T10:00", commentsCloseAfterDays: "3" }),
    );
    const stored = await snapshot(saved.id);
    assert.equal(stored.publishedAt?.toISOString(), "2026-01-01T07:00:00.000Z");
    assert.equal(stored.commentsCloseAt?.toISOString(), "2026-01-04T07:00:00.000Z");

    const comment = { articleId: saved.id, authorName: "قارئ", body: "قبل الإغلاق" };
    await postComment(comment, { fingerprint: null, now: new Date("2026-01-04T06:59:59Z") });
    await assert.rejects(
      postComment(comment, { fingerprint: null, now: new Date("2026-01-04T07:00:00Z") }),
      CommentsClosedError,
    );
    assert.equal(await db.comment.count({ where: { articleId: saved.id } }), 1);
  });
});

describe("what an author and an editor may do", () => {
  test("an author writes and edits their own draft", async () => {
    const author = await createNewsroomUser("AUTHOR");
    const draft = await createArticleAs(author, form({ headline: "مسودة أولى" }));
    await updateArticle(author, draft.id, form({ headline: "مسودة معدّلة" }));
    const stored = await snapshot(draft.id);
    assert.equal(stored.headline, "مسودة معدّلة");
    assert.equal(stored.status, "DRAFT");
    assert.equal(stored.authorId, author.id);
  });

  test("an editor publishes, closes comments, trashes and restores", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const saved = await createArticleAs(editor, form({ status: "PUBLISHED", headline: "خبر منشور للتو" }));
    let stored = await snapshot(saved.id);
    assert.equal(stored.status, "PUBLISHED");
    assert.ok(stored.publishedAt && Math.abs(stored.publishedAt.getTime() - Date.now()) < 60_000);
    assert.equal(saved.slug, "خبر-منشور-للتو");

    await setCommentsOpen(editor, saved.id, false);
    await trashArticle(editor, saved.id);
    stored = await snapshot(saved.id);
    assert.equal(stored.commentsOpen, false);
    assert.ok(stored.deletedAt);
    await restoreArticle(editor, saved.id);
    assert.equal((await snapshot(saved.id)).deletedAt, null);
  });
});

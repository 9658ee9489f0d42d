import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, test } from "node:test";
import { getPublicArticleBySlug } from "../../lib/articles/reads";
import { listApprovedComments, listOwnPendingComments } from "../../lib/comments/listing";
import { postComment } from "../../lib/comments/posting";
import { db } from "../../lib/db/client";
import { ArticleNotFoundError, CommentsClosedError, InvalidInputError } from "../../lib/errors";
import { updateSettings } from "../../lib/settings";
import { countComments, createArticle, createNewsroomUser, setCommentsOpen } from "../support/factories";

// These tests post many comments from one client; the flood limits have their own test file.
process.env.COMMENT_RATE_PER_MINUTE = "0";
process.env.COMMENT_RATE_PER_HOUR = "0";

const context = { fingerprint: "f".repeat(64) };
const valid = { authorName: "سارة", body: "تعليق مفيد." };

function rejectsWithFields(promise: Promise<unknown>, fields: string[]) {
  return assert.rejects(promise, (error) => {
    assert.ok(error instanceof InvalidInputError, `expected InvalidInputError, got ${String(error)}`);
    assert.deepEqual(Object.keys(error.fieldErrors).sort(), [...fields].sort());
    return true;
  });
}

describe("posting a comment", () => {
  test("stores a valid comment as text, trimmed, held for moderation, with the email kept private", async () => {
    const article = await createArticle();
    const posted = await postComment(
      {
        articleId: article.id,
        authorName: "  Ahmed أحمد ",
        authorEmail: " Reader@Example.com ",
        body: "  <b>مرحبا</b>\r\nسطر ثان  ",
      },
      context,
    );
    assert.equal(posted.status, "PENDING");
    const stored = await db.comment.findUniqueOrThrow({ where: { id: posted.id } });
    assert.equal(stored.authorName, "Ahmed أحمد");
    assert.equal(stored.authorEmail, "reader@example.com");
    assert.equal(stored.body, "<b>مرحبا</b>\nسطر ثان");
    assert.equal(stored.fingerprint, context.fingerprint);
    assert.deepEqual(await listApprovedComments(article.id), []);
    const ownPending = await listOwnPendingComments(article.id, [posted.id]);
    assert.deepEqual(Object.keys(ownPending[0]).sort(), ["authorName", "body", "createdAt", "id"]);
  });

  test("counts length in characters: an 80-character Arabic name with an emoji is accepted, 81 is not", async () => {
    const article = await createArticle();
    await postComment({ ...valid, articleId: article.id, authorName: `${"ب".repeat(79)}😀` }, context);
    await rejectsWithFields(postComment({ ...valid, articleId: article.id, authorName: "ب".repeat(81) }, context), [
      "authorName",
    ]);
    await rejectsWithFields(postComment({ ...valid, articleId: article.id, body: "ت".repeat(5001) }, context), [
      "body",
    ]);
    await postComment({ ...valid, articleId: article.id, body: "ت".repeat(5000) }, context);
    assert.equal(await countComments(article.id), 2);
  });

  test("refuses empty, control and direction-override text, and a bad email, writing nothing", async () => {
    const article = await createArticle();
    const cases: [Record<string, string>, string[]][] = [
      [{ authorName: "   ", body: "" }, ["authorName", "body"]],
      [{ authorName: "اسم\u0000", body: "نص" }, ["authorName"]],
      [{ authorName: "اسم\nثان", body: "نص" }, ["authorName"]],
      [{ authorName: "اسم", body: "نص \u202Eمعكوس" }, ["body"]],
      [{ authorName: "\u2067اسم", body: "نص" }, ["authorName"]],
      [{ authorName: "اسم", body: "نص \uD800 مكسور" }, ["body"]],
      [{ authorName: "اسم", authorEmail: "ليس-بريدًا", body: "نص" }, ["authorEmail"]],
    ];
    for (const [input, fields] of cases) {
      await rejectsWithFields(postComment({ articleId: article.id, ...input }, context), fields);
    }
    await rejectsWithFields(postComment({ articleId: "abc", ...valid }, context), ["articleId"]);
    assert.equal(await countComments(article.id), 0);
  });

  test("gives each refusal an Arabic message for the reader", async () => {
    const article = await createArticle();
    await assert.rejects(postComment({ articleId: article.id, authorName: "", body: "نص" }, context), (error) => {
      assert.ok(error instanceof InvalidInputError);
      assert.deepEqual(error.fieldErrors.authorName, ["اكتب اسمك."]);
      return true;
    });
  });
});

describe("the closed setting", () => {
  test("a closed article refuses the comment and stores nothing", async () => {
    const article = await createArticle({ commentsOpen: false });
    await assert.rejects(postComment({ ...valid, articleId: article.id }, context), CommentsClosedError);
    assert.equal(await countComments(article.id), 0);
  });

  test("an article whose automatic close time has passed refuses comments; one before it accepts", async () => {
    const closed = await createArticle({ commentsCloseAt: new Date(Date.now() - 1000) });
    await assert.rejects(postComment({ ...valid, articleId: closed.id }, context), CommentsClosedError);
    const open = await createArticle({ commentsCloseAt: new Date(Date.now() + 3_600_000) });
    await postComment({ ...valid, articleId: open.id }, context);
    assert.equal(await countComments(closed.id), 0);
    assert.equal(await countComments(open.id), 1);
  });

  test("closing after the page loaded refuses the comment submitted from it", async () => {
    const article = await createArticle();
    const page = await getPublicArticleBySlug(article.slug);
    assert.equal(page?.commentsOpen, true);
    await setCommentsOpen(article.id, false);
    await assert.rejects(postComment({ ...valid, articleId: article.id }, context), CommentsClosedError);
    assert.equal(await countComments(article.id), 0);
  });

  test("drafts, future scheduled articles and unknown ids are not found; a scheduled article past its time takes comments", async () => {
    const draft = await createArticle({ status: "DRAFT", publishedAt: null });
    const future = await createArticle({ status: "SCHEDULED", publishedAt: new Date(Date.now() + 3_600_000) });
    const due = await createArticle({ status: "SCHEDULED", publishedAt: new Date(Date.now() - 1000) });
    for (const articleId of [draft.id, future.id, 987654]) {
      await assert.rejects(postComment({ ...valid, articleId }, context), ArticleNotFoundError);
    }
    await postComment({ ...valid, articleId: due.id }, context);
    assert.equal(await countComments(due.id), 1);
  });

  test("no comment is stored after a close committed while another process was posting", async () => {
    const article = await createArticle();
    const worker = spawn(
      path.join("node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "test/support/post-comments-worker.ts", String(article.id)],
      { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    worker.stdout.on("data", (chunk) => (output += chunk));
    const exited = new Promise((resolve) => worker.on("exit", resolve));

    while ((await countComments(article.id)) < 20) await new Promise((resolve) => setImmediate(resolve));
    await setCommentsOpen(article.id, false);
    const countAtClose = await countComments(article.id);
    await exited;

    const result = JSON.parse(output) as { posted: number; refusedAfterClose: number; errors: string[] };
    assert.deepEqual(result.errors, []);
    assert.equal(result.refusedAfterClose, 1);
    assert.equal(await countComments(article.id), countAtClose);
    assert.equal(countAtClose, result.posted);
  });
});

describe("moderation of new comments", () => {
  test("a commenter whose address has an approved comment is published at once; others are held", async () => {
    const article = await createArticle();
    const email = `returning-${article.id}@example.com`;
    await db.comment.create({
      data: { articleId: article.id, authorName: "سابق", authorEmail: email, body: "قديم", status: "APPROVED" },
    });
    assert.equal(
      (await postComment({ ...valid, articleId: article.id, authorEmail: email.toUpperCase() }, context)).status,
      "APPROVED",
    );
    assert.equal(
      (await postComment({ ...valid, articleId: article.id, authorEmail: "new@example.com" }, context)).status,
      "PENDING",
    );
    assert.equal((await postComment({ ...valid, articleId: article.id }, context)).status, "PENDING");
  });

  test("with moderation set to publish, every comment is published at once", async () => {
    const admin = await createNewsroomUser("ADMIN");
    await updateSettings(admin, { commentModeration: "publish" });
    try {
      const article = await createArticle();
      assert.equal((await postComment({ ...valid, articleId: article.id }, context)).status, "APPROVED");
    } finally {
      await updateSettings(admin, { commentModeration: "hold" });
    }
  });

  test("a reader's pending comments are shown only from their own ids and only on their article", async () => {
    const article = await createArticle();
    const other = await createArticle();
    const mine = await postComment({ ...valid, articleId: article.id, body: "لي" }, context);
    const theirs = await postComment({ ...valid, articleId: article.id, body: "لغيري" }, context);
    assert.deepEqual(
      (await listOwnPendingComments(article.id, [mine.id])).map((comment) => comment.body),
      ["لي"],
    );
    assert.deepEqual(await listOwnPendingComments(other.id, [mine.id, theirs.id]), []);
    assert.deepEqual(await listOwnPendingComments(article.id, []), []);
  });
});

describe("what readers see", () => {
  test("only approved comments are listed and counted, oldest first", async () => {
    const article = await createArticle();
    const approved = (body: string) =>
      db.comment.create({ data: { articleId: article.id, authorName: "سارة", body, status: "APPROVED" } });
    const first = await approved("الأول");
    const second = await approved("الثاني");
    await db.comment.create({
      data: { articleId: article.id, authorName: "مزعج", body: "رسالة مزعجة", status: "SPAM" },
    });
    await db.comment.create({
      data: { articleId: article.id, authorName: "منتظر", body: "بانتظار المراجعة", status: "PENDING" },
    });

    assert.deepEqual(
      (await listApprovedComments(article.id)).map((comment) => comment.id),
      [first.id, second.id],
    );
    assert.equal((await getPublicArticleBySlug(article.slug))?.approvedCommentCount, 2);
  });

  test("drafts and future scheduled articles have no public page", async () => {
    const draft = await createArticle({ status: "DRAFT", publishedAt: null });
    const future = await createArticle({ status: "SCHEDULED", publishedAt: new Date(Date.now() + 3_600_000) });
    assert.equal(await getPublicArticleBySlug(draft.slug), null);
    assert.equal(await getPublicArticleBySlug(future.slug), null);
    assert.equal(await getPublicArticleBySlug("لا-يوجد"), null);
  });
});

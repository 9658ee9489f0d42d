import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { getPublicArticleBySlug } from "../../lib/articles/reads";
import { BotCommentError } from "../../lib/comments/answers";
import { commentThreads, listApprovedComments } from "../../lib/comments/listing";
import { postComment } from "../../lib/comments/posting";
import { db } from "../../lib/db/client";
import { CommentsClosedError, ReplyParentUnavailableError } from "../../lib/errors";
import { countComments, createArticle, setCommentsOpen } from "../support/factories";

process.env.COMMENT_RATE_PER_MINUTE = "0";
process.env.COMMENT_RATE_PER_HOUR = "0";

const context = { fingerprint: "r".repeat(64) };
const approved = (articleId: number, body: string, parentId: number | null = null, minute = 0) =>
  db.comment.create({
    data: {
      articleId,
      parentId,
      authorName: "قارئ",
      body,
      status: "APPROVED",
      createdAt: new Date(Date.UTC(2026, 0, 1, 10, minute)),
    },
  });

describe("replies", () => {
  test("a reply to a published comment is stored under it and counted with the article's comments", async () => {
    const article = await createArticle();
    const parent = await approved(article.id, "أول تعليق");
    const reply = await postComment(
      { articleId: article.id, parentId: String(parent.id), authorName: "مجيب", body: "ردّ" },
      context,
    );
    assert.equal(reply.status, "PENDING", "held for moderation like any comment");
    assert.equal((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).parentId, parent.id);
    await db.comment.update({ where: { id: reply.id }, data: { status: "APPROVED" } });
    const threads = await listApprovedComments(article.id);
    assert.deepEqual(
      threads.map((comment) => [comment.body, comment.replies.map((answer) => answer.body)]),
      [["أول تعليق", ["ردّ"]]],
    );
    assert.equal((await getPublicArticleBySlug(article.slug))?.approvedCommentCount, 2);
  });

  test("a reply to a held comment, or to another article's, is refused and nothing is written", async () => {
    const article = await createArticle();
    const other = await createArticle();
    const held = await db.comment.create({
      data: { articleId: article.id, authorName: "منتظر", body: "بانتظار المراجعة", status: "PENDING" },
    });
    const elsewhere = await approved(other.id, "تعليق على مقال آخر");
    for (const parentId of [held.id, elsewhere.id, 999_999]) {
      await assert.rejects(
        postComment({ articleId: article.id, parentId, authorName: "مجيب", body: "ردّ" }, context),
        ReplyParentUnavailableError,
      );
    }
    assert.equal(await countComments(article.id), 1);
  });

  test("a reply from a form whose honeypot was filled is a bot's, and nothing is written", async () => {
    const article = await createArticle();
    const parent = await approved(article.id, "تعليق");
    await assert.rejects(
      postComment(
        { articleId: article.id, parentId: parent.id, authorName: "روبوت", body: "ردّ" },
        { ...context, form: { honeypot: "http://spam.example", token: "" } },
      ),
      BotCommentError,
    );
    assert.equal(await countComments(article.id), 1);
  });

  test("a closed article takes no reply", async () => {
    const article = await createArticle();
    const parent = await approved(article.id, "تعليق قبل الإغلاق");
    await setCommentsOpen(article.id, false);
    await assert.rejects(
      postComment({ articleId: article.id, parentId: parent.id, authorName: "مجيب", body: "ردّ" }, context),
      CommentsClosedError,
    );
    assert.equal(await countComments(article.id), 1);
  });

  test("threads nest three levels, then go on flat; a reply whose parent is not shown stands alone", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
    const row = (id: number, parentId: number | null) => ({
      id,
      parentId,
      authorName: "ق",
      body: `#${id}`,
      createdAt: at(id),
    });
    const threads = commentThreads([row(1, null), row(2, 1), row(3, 2), row(4, 3), row(5, 4), row(6, 77), row(7, 1)]);
    const shape = (comments: typeof threads): unknown[] =>
      comments.map((comment) => (comment.replies.length ? [comment.body, shape(comment.replies)] : comment.body));
    // #4 answers #3 (the third level), so it joins #3's level; #5 answers #4: the same level again.
    assert.deepEqual(shape(threads), [["#1", [["#2", ["#3", "#4", "#5"]], "#7"]], "#6"]);
  });
});

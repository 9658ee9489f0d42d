import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { commentFormToken } from "../../lib/comments/spam";
import { postComment } from "../../lib/comments/posting";
import { db } from "../../lib/db/client";
import { BotCommentError } from "../../lib/comments/answers";
import { CommentRateLimitedError, CommentsClosedError, CommentTooFastError } from "../../lib/errors";
import { updateSettings } from "../../lib/settings";
import { countComments, createArticle, createNewsroomUser } from "../support/factories";

const comment = (articleId: number, body = "تعليق عادي") => ({ articleId, authorName: "قارئ", body });
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("flood limits per client (5 a minute, 30 an hour by default)", () => {
  test("a sixth comment within a minute is refused with an Arabic message; other clients are not affected", async () => {
    const article = await createArticle();
    const start = new Date();
    for (let index = 0; index < 5; index += 1)
      await postComment(comment(article.id), { fingerprint: "client-a", now: at(start, index) });
    await assert.rejects(postComment(comment(article.id), { fingerprint: "client-a", now: at(start, 10) }), (error) => {
      assert.ok(error instanceof CommentRateLimitedError);
      assert.match(error.publicMessage, /^أرسلت تعليقات كثيرة في وقت قصير/);
      return true;
    });
    await postComment(comment(article.id), { fingerprint: "client-b", now: at(start, 10) });
    await postComment(comment(article.id), { fingerprint: "client-a", now: at(start, 61) });
    assert.equal(await countComments(article.id), 7);
  });

  test("the hourly limit holds across minutes, and the limit lives in the database", async () => {
    const article = await createArticle();
    const start = new Date();
    for (let index = 0; index < 30; index += 1)
      await postComment(comment(article.id), { fingerprint: "client-h", now: at(start, index * 100) });
    await assert.rejects(
      postComment(comment(article.id), { fingerprint: "client-h", now: at(start, 3000) }),
      CommentRateLimitedError,
    );
    await postComment(comment(article.id), { fingerprint: "client-h", now: at(start, 3700) });
  });

  test("a closed article says it is closed, not that the client posted too much", async () => {
    const article = await createArticle({ commentsOpen: false });
    await assert.rejects(postComment(comment(article.id), { fingerprint: "client-c" }), CommentsClosedError);
  });
});

describe("simple bots", () => {
  test("a filled honeypot is answered like a held comment and nothing is stored", async () => {
    const article = await createArticle();
    const now = new Date();
    await assert.rejects(
      postComment(comment(article.id), {
        fingerprint: null,
        now: at(now, 10),
        form: { honeypot: "https://spam.example", token: commentFormToken(now) },
      }),
      (error) => error instanceof BotCommentError && /بعد مراجعته/.test(error.publicMessage),
    );
    assert.equal(await countComments(article.id), 0);
  });

  test("a form sent back within three seconds, or with a missing or forged token, is refused", async () => {
    const article = await createArticle();
    const served = new Date();
    const token = commentFormToken(served);
    for (const sent of [
      { token, now: at(served, 1) },
      { token: undefined, now: at(served, 60) },
      { token: token.replace(/^\d+/, String(served.getTime() - 60_000)), now: at(served, 5) },
    ]) {
      await assert.rejects(
        postComment(comment(article.id), {
          fingerprint: null,
          now: sent.now,
          form: { honeypot: "", token: sent.token },
        }),
        CommentTooFastError,
      );
    }
    await postComment(comment(article.id), { fingerprint: null, now: at(served, 4), form: { honeypot: "", token } });
    assert.equal(await countComments(article.id), 1);
  });
});

describe("spam-looking comments", () => {
  test("many links or known spam phrases are held even when comments publish at once", async () => {
    const admin = await createNewsroomUser("ADMIN");
    await updateSettings(admin, { commentModeration: "publish" });
    try {
      const article = await createArticle();
      const links = "اقرأ https://a.example و https://b.example و www.c.example";
      const held = [links, "اربح المال من البيت عبر كازينو اونلاين", "للتواصل واتساب: +966 55 123 4567"];
      for (const body of held)
        assert.equal((await postComment(comment(article.id, body), { fingerprint: null })).status, "PENDING", body);
      assert.equal(
        (await postComment(comment(article.id, "رأي عادي مع رابط واحد https://a.example"), { fingerprint: null }))
          .status,
        "APPROVED",
      );
    } finally {
      await updateSettings(admin, { commentModeration: "hold" });
    }
    assert.equal(await db.comment.count({ where: { status: "PENDING", body: { contains: "كازينو" } } }), 1);
  });
});

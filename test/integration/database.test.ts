import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "../../lib/db";
import { countComments, createArticle } from "../support/factories";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the shared SQLite connection under concurrent requests", () => {
  test("a write acknowledged outside a transaction survives another request's rollback", async () => {
    const article = await createArticle();
    const failing = db
      .$transaction(async (tx) => {
        await tx.comment.create({ data: { articleId: article.id, authorName: "داخل", body: "يُلغى", status: "APPROVED" } });
        await pause(100);
        throw new Error("the editor's save failed");
      })
      .catch((error: Error) => error.message);
    await pause(20);
    await db.comment.create({ data: { articleId: article.id, authorName: "خارج", body: "أُكِّد", status: "APPROVED" } });

    assert.equal(await failing, "the editor's save failed");
    const stored = await db.comment.findMany({ where: { articleId: article.id }, select: { body: true } });
    assert.deepEqual(stored, [{ body: "أُكِّد" }]);
  });

  test("a read outside a transaction never sees its uncommitted rows", async () => {
    const article = await createArticle();
    let seenDuringTransaction = -1;
    const transaction = db.$transaction(async (tx) => {
      await tx.comment.create({ data: { articleId: article.id, authorName: "داخل", body: "غير مؤكد", status: "APPROVED" } });
      await pause(100);
      throw new Error("rolled back");
    });
    await pause(20);
    const reading = countComments(article.id).then((count) => (seenDuringTransaction = count));
    await assert.rejects(transaction, /rolled back/);
    await reading;
    assert.equal(seenDuringTransaction, 0);
  });

  test("transactions that commit keep their writes and run one after another", async () => {
    const article = await createArticle();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        db.$transaction(async (tx) => {
          await tx.comment.create({ data: { articleId: article.id, authorName: "متزامن", body: `رقم ${index}`, status: "APPROVED" } });
          await pause(2);
        }),
      ),
    );
    assert.equal(await countComments(article.id), 10);
  });
});

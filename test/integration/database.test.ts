import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { db } from "../../lib/db";
import { countComments, createArticle } from "../support/factories";
import { describeInLane } from "../support/test-lane";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// On SQLite every request shares one connection (lib/sqlite-adapter.ts); on PostgreSQL each
// transaction has a pooled connection of its own. Readers and writers must see the same either way.
describe("one database shared by concurrent requests", () => {
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

describeInLane("sqlite", "a transaction while another connection writes", () => {
  test("reads then writes without SQLITE_BUSY_SNAPSHOT, waiting for the other writer instead", async () => {
    const article = await createArticle();
    const file = (process.env.DATABASE_URL ?? "").slice("file:".length);
    // A second connection in another thread, committing small writes as fast as it can.
    const writer = new Worker(
      `const Database = require("better-sqlite3");
       const db = new Database(process.env.FILE, { timeout: 5000 });
       const stop = Date.now() + 1500;
       const touch = db.prepare('UPDATE "Section" SET "description" = ? WHERE 0 = 1');
       const write = db.prepare('INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?) ON CONFLICT("key") DO UPDATE SET "value" = excluded."value"');
       let n = 0;
       while (Date.now() < stop) { write.run("writer-probe", String(n++), new Date().toISOString()); touch.run("x"); }
       db.close();`,
      { eval: true, env: { ...process.env, FILE: file } },
    );
    const finished = new Promise((resolve, reject) => writer.on("exit", resolve).on("error", reject));

    const failures: string[] = [];
    const deadline = Date.now() + 1200;
    let transactions = 0;
    while (Date.now() < deadline) {
      await db
        .$transaction(async (tx) => {
          const current = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { headline: true } });
          await pause(1);
          await tx.article.update({ where: { id: article.id }, data: { headline: `${current.headline.split(" #")[0]} #${transactions}` } });
        })
        .then(() => (transactions += 1))
        .catch((error: Error) => failures.push(error.message));
    }
    await finished;
    assert.deepEqual(failures, []);
    assert.ok(transactions > 10, `only ${transactions} transactions ran`);
  });
});

describeInLane("postgresql", "a transaction while another connection writes", () => {
  test("reads then writes without serialization failures while another connection commits", async () => {
    const article = await createArticle();
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    let writing = true;
    const writes = (async () => {
      for (let n = 0; writing; n += 1) {
        await writer.query(
          `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('writer-probe', $1, now()) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`,
          [String(n)],
        );
        await writer.query(`UPDATE "Article" SET "dek" = $1 WHERE "id" = $2`, [`كتابة ${n}`, article.id]);
      }
    })();

    const failures: string[] = [];
    const deadline = Date.now() + 1200;
    let transactions = 0;
    while (Date.now() < deadline) {
      await db
        .$transaction(async (tx) => {
          const current = await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { headline: true } });
          await pause(1);
          await tx.article.update({ where: { id: article.id }, data: { headline: `${current.headline.split(" #")[0]} #${transactions}` } });
        })
        .then(() => (transactions += 1))
        .catch((error: Error) => failures.push(error.message));
    }
    writing = false;
    await writes;
    await writer.end();
    assert.deepEqual(failures, []);
    assert.ok(transactions > 10, `only ${transactions} transactions ran`);
    const { headline } = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { headline: true } });
    assert.match(headline, new RegExp(`#${transactions - 1}$`));
  });
});

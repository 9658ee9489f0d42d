import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { db } from "../../lib/db/client";
import { countComments, createArticle } from "../support/factories";
import { describeInLane } from "../support/test-lane";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// On SQLite every request shares one connection (lib/db/sqlite-adapter.ts); on PostgreSQL each
// transaction has a pooled connection of its own. Readers and writers must see the same either way.
describe("one database shared by concurrent requests", () => {
  test("a write acknowledged outside a transaction survives another request's rollback", async () => {
    const article = await createArticle();
    const failing = db
      .$transaction(async (tx) => {
        await tx.comment.create({
          data: { articleId: article.id, authorName: "داخل", body: "يُلغى", status: "APPROVED" },
        });
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
      await tx.comment.create({
        data: { articleId: article.id, authorName: "داخل", body: "غير مؤكد", status: "APPROVED" },
      });
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
          await tx.comment.create({
            data: { articleId: article.id, authorName: "متزامن", body: `رقم ${index}`, status: "APPROVED" },
          });
          await pause(2);
        }),
      ),
    );
    assert.equal(await countComments(article.id), 10);
  });
});

const TRANSACTIONS = 25;

/**
 * Runs TRANSACTIONS transactions one after another, each reading the article's headline and then
 * writing it back numbered, while the caller has another connection committing; returns the
 * failures (none expected) and checks that the last write is the one kept. A fixed count, not a
 * time budget, so a slow machine runs the same test.
 */
async function readThenWriteWhile(articleId: number): Promise<string[]> {
  const failures: string[] = [];
  for (let index = 0; index < TRANSACTIONS; index += 1) {
    await db
      .$transaction(async (tx) => {
        const current = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { headline: true } });
        await pause(1);
        await tx.article.update({
          where: { id: articleId },
          data: { headline: `${current.headline.split(" #")[0]} #${index}` },
        });
      })
      .catch((error: Error) => failures.push(error.message));
  }
  const { headline } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { headline: true } });
  if (failures.length === 0) assert.match(headline, new RegExp(`#${TRANSACTIONS - 1}$`));
  return failures;
}

describeInLane("sqlite", "a transaction while another connection writes", () => {
  test("reads then writes without SQLITE_BUSY_SNAPSHOT, waiting for the other writer instead", async () => {
    const article = await createArticle();
    const file = (process.env.DATABASE_URL ?? "").slice("file:".length);
    // A second connection in another thread, committing small writes as fast as it can until told
    // to stop (a shared flag: its loop never yields to read a message).
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const writer = new Worker(
      `const { workerData, parentPort } = require("node:worker_threads");
       const Database = require("better-sqlite3");
       const db = new Database(process.env.FILE, { timeout: 5000 });
       const touch = db.prepare('UPDATE "Section" SET "description" = ? WHERE 0 = 1');
       const write = db.prepare('INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?) ON CONFLICT("key") DO UPDATE SET "value" = excluded."value"');
       let n = 0;
       parentPort.postMessage("writing");
       while (Atomics.load(workerData, 0) === 0) { write.run("writer-probe", String(n++), new Date().toISOString()); touch.run("x"); }
       db.close();
       parentPort.postMessage(n);`,
      { eval: true, env: { ...process.env, FILE: file }, workerData: stop },
    );
    const messages: unknown[] = [];
    const finished = new Promise((resolve, reject) =>
      writer
        .on("message", (message) => messages.push(message))
        .on("exit", resolve)
        .on("error", reject),
    );
    while (messages.length === 0) await pause(5);

    const failures = await readThenWriteWhile(article.id);
    Atomics.store(stop, 0, 1);
    await finished;
    assert.deepEqual(failures, []);
    assert.ok(Number(messages[1]) > 0, "the other connection wrote nothing meanwhile");
  });
});

describeInLane("postgresql", "a transaction while another connection writes", () => {
  test("reads then writes without serialization failures while another connection commits", async () => {
    const article = await createArticle();
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    let writing = true;
    let written = 0;
    const writes = (async () => {
      for (; writing; written += 1) {
        await writer.query(
          `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('writer-probe', $1, now()) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`,
          [String(written)],
        );
        await writer.query(`UPDATE "Article" SET "dek" = $1 WHERE "id" = $2`, [`كتابة ${written}`, article.id]);
      }
    })();

    const failures = await readThenWriteWhile(article.id);
    writing = false;
    await writes;
    await writer.end();
    assert.deepEqual(failures, []);
    assert.ok(written > 0, "the other connection wrote nothing meanwhile");
  });
});

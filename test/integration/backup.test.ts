import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { backupDatabase, restoreDatabase } from "../../lib/backup";
import { createArticle } from "../support/factories";

const databaseFile = () => (process.env.DATABASE_URL ?? "").slice("file:".length);
const scratch = () => mkdtempSync(path.join(tmpdir(), "backup-test-"));

function rows(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("backup and restore", () => {
  test("a backup taken while another connection writes is consistent and complete up to its moment", async () => {
    const article = await createArticle();
    const writer = new Worker(
      `const Database = require("better-sqlite3");
       const db = new Database(process.env.FILE, { timeout: 5000 });
       const insert = db.prepare('INSERT INTO "Comment" ("articleId", "authorName", "body", "status", "createdAt") VALUES (?, ?, ?, ?, ?)');
       const write = () => insert.run(Number(process.env.ARTICLE), "كاتب", "نص تحت الضغط", "APPROVED", new Date().toISOString());
       for (let i = 0; i < 20; i += 1) write();
       require("node:worker_threads").parentPort.postMessage("writing");
       const stop = Date.now() + 1200;
       while (Date.now() < stop) write();
       db.close();`,
      { eval: true, env: { ...process.env, FILE: databaseFile(), ARTICLE: String(article.id) } },
    );
    const finished = new Promise((resolve, reject) => writer.on("exit", resolve).on("error", reject));
    // Back up once the writer is writing, however slow the machine is to start it.
    await new Promise((resolve, reject) => writer.once("message", resolve).once("error", reject));
    const before = rows(databaseFile(), `SELECT COUNT(*) AS n FROM "Comment" WHERE "articleId" = ${article.id}`);
    const copy = path.join(scratch(), "copy.db");
    await backupDatabase(databaseFile(), copy);
    await finished;
    const after = rows(databaseFile(), `SELECT COUNT(*) AS n FROM "Comment" WHERE "articleId" = ${article.id}`);

    const inCopy = rows(copy, `SELECT COUNT(*) AS n FROM "Comment" WHERE "articleId" = ${article.id}`);
    assert.ok(before > 0 && inCopy >= before && inCopy <= after, `${before} ≤ ${inCopy} ≤ ${after}`);
    assert.equal(rows(copy, `SELECT COUNT(*) AS n FROM "Comment" c LEFT JOIN "Article" a ON a."id" = c."articleId" WHERE a."id" IS NULL`), 0);
  });

  test("a backup of a database many steps long finishes while another connection keeps writing", async () => {
    const article = await createArticle();
    const filler = new Database(databaseFile(), { timeout: 5000 });
    const insert = filler.prepare('INSERT INTO "Comment" ("articleId", "authorName", "body", "status", "createdAt") VALUES (?, ?, ?, ?, ?)');
    // About 8,000 pages (32 MB): eighty steps at better-sqlite3's default of 100 pages a step, too
    // many to pass between a busy writer's commits, each of which restarts the copy.
    filler.transaction(() => {
      for (let index = 0; index < 16_000; index += 1) insert.run(article.id, "كاتب", `${"نص قديم في الأرشيف ".repeat(55)}${index}`, "APPROVED", new Date().toISOString());
    })();
    filler.close();
    const writingMs = 6000;
    const writer = new Worker(
      `const { parentPort } = require("node:worker_threads");
       const Database = require("better-sqlite3");
       const db = new Database(process.env.FILE, { timeout: 5000 });
       const insert = db.prepare('INSERT INTO "Comment" ("articleId", "authorName", "body", "status", "createdAt") VALUES (?, ?, ?, ?, ?)');
       const write = () => insert.run(Number(process.env.ARTICLE), "كاتب", "نص تحت الضغط", "APPROVED", new Date().toISOString());
       write();
       parentPort.postMessage("writing");
       const stop = Date.now() + Number(process.env.WRITING_MS);
       while (Date.now() < stop) write();
       db.close();`,
      { eval: true, env: { ...process.env, FILE: databaseFile(), ARTICLE: String(article.id), WRITING_MS: String(writingMs) } },
    );
    const finished = new Promise((resolve, reject) => writer.on("exit", resolve).on("error", reject));
    await new Promise((resolve) => writer.once("message", resolve));

    const startedAt = Date.now();
    await backupDatabase(databaseFile(), path.join(scratch(), "copy.db"));
    const tookMs = Date.now() - startedAt;
    await finished;
    // A copy restarted by every write would only finish once the writer stopped.
    assert.ok(tookMs < writingMs - 2000, `the backup took ${tookMs} ms; the writer wrote for ${writingMs} ms`);
  });

  test("restore puts a backup in place of a database; a damaged backup is refused and nothing changes", async () => {
    const article = await createArticle({ headline: "خبر في النسخة الاحتياطية" });
    const directory = scratch();
    const copy = path.join(directory, "copy.db");
    await backupDatabase(databaseFile(), copy);

    const target = path.join(directory, "restored", "portal.db");
    restoreDatabase(copy, target);
    assert.equal(rows(target, `SELECT COUNT(*) AS n FROM "Article" WHERE "id" = ${article.id} AND "headline" = 'خبر في النسخة الاحتياطية'`), 1);

    const damaged = path.join(directory, "damaged.db");
    const bytes = readFileSync(copy);
    bytes.fill(0x41, 4096, 8192);
    writeFileSync(damaged, bytes);
    assert.throws(() => restoreDatabase(damaged, target), /integrity|malformed|not a database/);
    assert.equal(rows(target, `SELECT COUNT(*) AS n FROM "Article" WHERE "id" = ${article.id}`), 1);
  });

  test("npm run backup and npm run restore work from the command line", async () => {
    await createArticle({ headline: "خبر سطر الأوامر" });
    const directory = scratch();
    const copy = path.join(directory, "cli.db");
    const run = promisify(execFile);
    const tsx = path.join("node_modules", ".bin", "tsx");
    const { stdout } = await run(tsx, ["scripts/backup.ts", copy], { env: process.env });
    assert.match(stdout, /^backup written: .*cli\.db$/m);

    const target = path.join(directory, "elsewhere.db");
    const restored = await run(tsx, ["scripts/restore.ts", copy], { env: { ...process.env, DATABASE_URL: `file:${target}` } });
    assert.match(restored.stdout, /^restored /m);
    assert.equal(rows(target, `SELECT COUNT(*) AS n FROM "Article" WHERE "headline" = 'خبر سطر الأوامر'`), 1);
  });
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import pg from "pg";
import { backupDatabase as backupUrl, restoreDatabase as restoreUrl } from "../../scripts/shared/backup";
import { backupDatabase, restoreDatabase } from "../../scripts/shared/backup/sqlite";
import { databaseExists } from "../../scripts/shared/postgresql-admin";
import { createArticle } from "../support/factories";
import { describeInLane, testDatabaseUrl } from "../support/test-lane";

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

describeInLane("sqlite", "backup and restore", () => {
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
    assert.equal(
      rows(
        copy,
        `SELECT COUNT(*) AS n FROM "Comment" c LEFT JOIN "Article" a ON a."id" = c."articleId" WHERE a."id" IS NULL`,
      ),
      0,
    );
  });

  test("a backup of a database many steps long finishes while another connection keeps writing", async () => {
    const article = await createArticle();
    const filler = new Database(databaseFile(), { timeout: 5000 });
    const insert = filler.prepare(
      'INSERT INTO "Comment" ("articleId", "authorName", "body", "status", "createdAt") VALUES (?, ?, ?, ?, ?)',
    );
    // About 8,000 pages (32 MB): eighty steps at better-sqlite3's default of 100 pages a step, too
    // many to pass between a busy writer's commits, each of which restarts the copy.
    filler.transaction(() => {
      for (let index = 0; index < 16_000; index += 1)
        insert.run(
          article.id,
          "كاتب",
          `${"نص قديم في الأرشيف ".repeat(55)}${index}`,
          "APPROVED",
          new Date().toISOString(),
        );
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
      {
        eval: true,
        env: { ...process.env, FILE: databaseFile(), ARTICLE: String(article.id), WRITING_MS: String(writingMs) },
      },
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
    assert.equal(
      rows(
        target,
        `SELECT COUNT(*) AS n FROM "Article" WHERE "id" = ${article.id} AND "headline" = 'خبر في النسخة الاحتياطية'`,
      ),
      1,
    );

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
    const { stdout } = await run(tsx, ["scripts/cli/backup.ts", copy], { env: process.env });
    assert.match(stdout, /^backup written: .*cli\.db$/m);

    const target = path.join(directory, "elsewhere.db");
    const restored = await run(tsx, ["scripts/cli/restore.ts", copy], {
      env: { ...process.env, DATABASE_URL: `file:${target}` },
    });
    assert.match(restored.stdout, /^restored /m);
    assert.equal(rows(target, `SELECT COUNT(*) AS n FROM "Article" WHERE "headline" = 'خبر سطر الأوامر'`), 1);
  });
});

async function countIn(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

describeInLane("postgresql", "backup and restore", () => {
  const databaseUrl = () => process.env.DATABASE_URL ?? "";
  const otherDatabase = (name: string) => testDatabaseUrl(process.env.TEST_RUN ?? "", `${name}${process.pid}`);

  test("a backup taken while another connection writes is consistent, complete up to its moment, and restores", async () => {
    const article = await createArticle();
    const writer = new pg.Client({ connectionString: databaseUrl() });
    await writer.connect();
    const write = () =>
      writer.query(
        `INSERT INTO "Comment" ("articleId", "authorName", "body", "status", "createdAt") VALUES ($1, 'كاتب', 'نص تحت الضغط', 'APPROVED', now())`,
        [article.id],
      );
    for (let index = 0; index < 20; index += 1) await write();
    let writing = true;
    const writes = (async () => {
      while (writing) await write();
    })();
    const count = `SELECT COUNT(*) AS n FROM "Comment" WHERE "articleId" = ${article.id}`;
    const before = await countIn(databaseUrl(), count);
    const copy = path.join(scratch(), "copy.dump");
    await backupUrl(databaseUrl(), copy);
    writing = false;
    await writes;
    await writer.end();
    const after = await countIn(databaseUrl(), count);

    const restored = otherDatabase("restored");
    await restoreUrl(copy, restored);
    const inCopy = await countIn(restored, count);
    assert.ok(before >= 20 && inCopy >= before && inCopy <= after, `${before} ≤ ${inCopy} ≤ ${after}`);
    assert.equal(
      await countIn(
        restored,
        `SELECT COUNT(*) AS n FROM "Comment" c LEFT JOIN "Article" a ON a."id" = c."articleId" WHERE a."id" IS NULL`,
      ),
      0,
    );
  });

  test("restore replaces a database; a damaged dump is refused and nothing changes", async () => {
    const article = await createArticle({ headline: "خبر في النسخة الاحتياطية" });
    const directory = scratch();
    const copy = path.join(directory, "copy.dump");
    await backupUrl(databaseUrl(), copy);
    const target = otherDatabase("target");
    await restoreUrl(copy, target);
    const headline = `SELECT COUNT(*) AS n FROM "Article" WHERE "id" = ${article.id} AND "headline" = 'خبر في النسخة الاحتياطية'`;
    assert.equal(await countIn(target, headline), 1);

    const damaged = path.join(directory, "damaged.dump");
    const bytes = readFileSync(copy);
    bytes.fill(0x41, 0, 64);
    writeFileSync(damaged, bytes);
    await assert.rejects(restoreUrl(damaged, target), /not a readable dump/);
    assert.equal(await countIn(target, headline), 1);
    assert.equal(await databaseExists(`${target}_restoring`), false);
  });

  test("a restore over a database the portal still uses is refused, and the database stays as it was", async () => {
    await createArticle({ headline: "خبر قيد الاستخدام" });
    const copy = path.join(scratch(), "copy.dump");
    await backupUrl(databaseUrl(), copy);
    const target = otherDatabase("busy");
    await restoreUrl(copy, target);
    const portal = new pg.Client({ connectionString: target });
    await portal.connect();
    try {
      await assert.rejects(
        restoreUrl(copy, target),
        /nothing changed: 1 connection\(s\) to .* are open: stop the portal/,
      );
      assert.equal(
        Number(
          (
            await portal.query<{ n: string }>(
              `SELECT COUNT(*) AS n FROM "Article" WHERE "headline" = 'خبر قيد الاستخدام'`,
            )
          ).rows[0].n,
        ),
        1,
      );
    } finally {
      await portal.end();
    }
  });

  test("npm run backup and npm run restore work from the command line", async () => {
    await createArticle({ headline: "خبر سطر الأوامر" });
    const copy = path.join(scratch(), "cli.dump");
    const run = promisify(execFile);
    const tsx = path.join("node_modules", ".bin", "tsx");
    const { stdout } = await run(tsx, ["scripts/cli/backup.ts", copy], { env: process.env });
    assert.match(stdout, /^backup written: .*cli\.dump$/m);

    const target = otherDatabase("cli");
    const restored = await run(tsx, ["scripts/cli/restore.ts", copy], {
      env: { ...process.env, DATABASE_URL: target },
    });
    assert.match(restored.stdout, /^restored /m);
    assert.equal(await countIn(target, `SELECT COUNT(*) AS n FROM "Article" WHERE "headline" = 'خبر سطر الأوامر'`), 1);
  });
});

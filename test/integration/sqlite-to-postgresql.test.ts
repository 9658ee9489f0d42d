import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { copySqliteToPostgresql } from "../../scripts/shared/sqlite-to-postgresql";
import { describeInLane } from "../support/test-lane";

/** A SQLite file with the committed SQLite migrations: the source a newsroom moving to PostgreSQL has. */
function migratedSqliteFile(): Database.Database {
  const sqlite = new Database(path.join(mkdtempSync(path.join(tmpdir(), "portal-copy-")), "source.db"));
  const migrations = path.join("prisma", "migrations");
  for (const name of readdirSync(migrations)
    .filter((entry) => /^\d+_/.test(entry))
    .sort()) {
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  return sqlite;
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// In the PostgreSQL lane DATABASE_URL is this file's own database, migrated and empty.
describeInLane("postgresql", "copying a SQLite database into PostgreSQL", () => {
  test("rows arrive with their dates, flags and enums converted, and new ids continue after the copied ones", async () => {
    const sqlite = migratedSqliteFile();
    // The three ways a SQLite portal file holds a date: the adapter's ISO text, CURRENT_TIMESTAMP, epoch milliseconds.
    sqlite
      .prepare(
        `INSERT INTO "Section" ("id", "slug", "name", "createdAt") VALUES (7, 'economy', 'اقتصاد', '2026-01-02 03:04:05')`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO "Article" ("id", "slug", "headline", "body", "sectionId", "status", "publishedAt", "commentsOpen", "createdAt", "updatedAt")
         VALUES (41, 'khabar', 'خبر عن الطاقة', '{"blocks":[]}', 7, 'PUBLISHED', '2026-11-29T12:30:00.250+03:00', 0, ?, ?)`,
      )
      .run(Date.UTC(2026, 10, 1, 8, 0, 0, 5), Date.UTC(2026, 10, 1, 8, 0, 0, 5));
    sqlite
      .prepare(
        `INSERT INTO "Comment" ("id", "articleId", "authorName", "body", "status", "createdAt") VALUES (5, 41, 'قارئ', 'تعليق', 'SPAM', '2026-11-29T10:00:00.000+00:00')`,
      )
      .run();
    // A reply stored before the comment it answers (an import can do that): the copy must not depend on row order.
    sqlite
      .prepare(
        `INSERT INTO "Comment" ("id", "articleId", "parentId", "authorName", "body", "status", "createdAt") VALUES (3, 41, 5, 'مجيب', 'ردّ', 'APPROVED', '2026-11-29T11:00:00.000+00:00')`,
      )
      .run();
    const file = sqlite.name;
    sqlite.close();

    const summary = await copySqliteToPostgresql(file, String(process.env.DATABASE_URL));

    assert.deepEqual(
      summary.tables.filter(({ rows }) => rows > 0),
      [
        { table: "Section", rows: 1 },
        { table: "Article", rows: 1 },
        { table: "Comment", rows: 2 },
      ],
    );
    const [article] = await query<{
      published: string;
      created: string;
      open: boolean;
      status: string;
      section: string;
    }>(
      `SELECT to_char(a."publishedAt", 'YYYY-MM-DD HH24:MI:SS.MS') AS published, to_char(a."createdAt", 'YYYY-MM-DD HH24:MI:SS.MS') AS created,
              a."commentsOpen" AS open, a."status"::text AS status, to_char(s."createdAt", 'YYYY-MM-DD HH24:MI:SS') AS section
       FROM "Article" a JOIN "Section" s ON s."id" = a."sectionId"`,
    );
    assert.deepEqual(article, {
      published: "2026-11-29 09:30:00.250",
      created: "2026-11-01 08:00:00.005",
      open: false,
      status: "PUBLISHED",
      section: "2026-01-02 03:04:05",
    });
    assert.deepEqual(await query(`SELECT "id", "parentId", "status"::text AS status FROM "Comment" ORDER BY "id"`), [
      { id: 3, parentId: 5, status: "APPROVED" },
      { id: 5, parentId: null, status: "SPAM" },
    ]);
    // Analyzed: the planner knows the filled tables at once, not after autovacuum.
    const [statistics] = await query<{ columns: string }>(
      `SELECT COUNT(*) AS columns FROM pg_statistic WHERE starelid = '"Article"'::regclass`,
    );
    assert.ok(Number(statistics.columns) > 0, "no planner statistics for Article after the copy");

    const [next] = await query<{ id: number }>(
      `INSERT INTO "Article" ("slug", "headline", "body", "updatedAt") VALUES ('next', 'التالي', '{}', now()) RETURNING "id"`,
    );
    assert.equal(next.id, 42);
  });

  test("a target that already holds rows is refused, and nothing of the copy stays", async () => {
    await query(`INSERT INTO "Tag" ("slug", "name") VALUES ('existing', 'قائم')`);
    const sqlite = migratedSqliteFile();
    // Users are copied first (other tables refer to them): rolled back with the refused copy.
    sqlite
      .prepare(
        `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ('copied-user', 'محررة', 'copied@example.com', '2026-11-29T10:00:00.000+00:00')`,
      )
      .run();
    sqlite.prepare(`INSERT INTO "Tag" ("slug", "name") VALUES ('energy', 'طاقة')`).run();
    const file = sqlite.name;
    sqlite.close();

    await assert.rejects(copySqliteToPostgresql(file, String(process.env.DATABASE_URL)), /already has rows/);

    assert.deepEqual(await query(`SELECT "id" FROM "User" WHERE "id" = 'copied-user'`), []);
    assert.deepEqual(await query(`SELECT "slug" FROM "Tag" ORDER BY "slug"`), [{ slug: "existing" }]);
  });
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { PRISMA_FOLDERS } from "../../lib/db/url";
import { createDatabase } from "../../scripts/shared/postgresql-admin";
import { describeInLane, testDatabaseUrl } from "../support/test-lane";

/*
 * The committed migrations must build exactly the schema's tables, columns, indexes and keys: a
 * schema edited without its migration (or a migration edited by hand) fails here, for each database.
 * The search index's own objects (FTS5 table, triggers, functions) are not Prisma's and not compared.
 */

const run = promisify(execFile);
const prisma = path.join("node_modules", ".bin", "prisma");

describeInLane("postgresql", "the committed migrations and the schema", () => {
  test("Prisma finds no difference between the migrations, applied to an empty database, and the schema, but the search index", async () => {
    // Prisma applies the migrations to the database the config's adapter connects to: a new, empty one.
    const shadow = testDatabaseUrl(process.env.TEST_RUN ?? "", `shadow${process.pid}`);
    await createDatabase(shadow);
    const { postgresql } = PRISMA_FOLDERS;
    const { stdout } = await run(
      prisma,
      [
        "migrate",
        "diff",
        "--from-migrations",
        postgresql.migrations,
        "--to-schema-datamodel",
        postgresql.schema,
        "--script",
      ],
      { env: { ...process.env, DATABASE_URL: shadow } },
    );
    // What would turn the migrated database into the schema: only dropping the search index's table
    // (its functions and triggers Prisma does not see), which no model describes.
    const statements = stdout
      .split(";")
      .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
      .filter(Boolean);
    assert.deepEqual(
      statements.filter((statement) => !/^(DROP TABLE|ALTER TABLE) "ArticleSearch"/.test(statement)),
      [],
      `the migrations and the schema differ:\n${stdout}`,
    );
    assert.ok(
      statements.some((statement) => statement.startsWith('DROP TABLE "ArticleSearch"')),
      `the diff did not see the migrated tables:\n${stdout}`,
    );
  });
});

type Row = Record<string, unknown>;

/** Each Prisma table's columns, indexes and foreign keys, as SQLite reports them. */
function structure(file: string): Record<string, unknown> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = (
      sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
        )
        .all() as { name: string }[]
    )
      .map(({ name }) => name)
      .filter(
        (name) => !name.startsWith("sqlite_") && !name.startsWith("_prisma") && !name.startsWith("ArticleSearch"),
      );
    return Object.fromEntries(
      tables.map((table) => {
        const pragma = (name: string, argument: string) =>
          sqlite.prepare(`SELECT * FROM pragma_${name}(?)`).all(argument) as Row[];
        const indexes = pragma("index_list", table)
          .map((index): Row => ({
            ...index,
            seq: undefined,
            columns: pragma("index_info", String(index.name)).map((column) => column.name),
          }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name)));
        // Columns by name: a column a later migration added comes last in the table, not where the schema has it.
        const columns = pragma("table_info", table)
          .map((column): Row => ({ ...column, cid: undefined }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name)));
        return [
          table,
          {
            columns,
            indexes,
            foreignKeys: pragma("foreign_key_list", table).map((key) => ({ ...key, id: undefined, seq: undefined })),
          },
        ];
      }),
    );
  } finally {
    sqlite.close();
  }
}

describeInLane("sqlite", "the committed migrations and the schema", () => {
  test("a database built by the migrations has the same tables, columns, indexes and keys as one built from the schema", async () => {
    // `migrate diff --from-migrations` cannot run on SQLite with the JavaScript engine (P3006), so compare
    // the migrated test database with one made from the schema's own SQL.
    const fromSchema = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.db");
    const { stdout: sql } = await run(
      prisma,
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", PRISMA_FOLDERS.sqlite.schema, "--script"],
      {
        env: { ...process.env, DATABASE_URL: `file:${fromSchema}` },
      },
    );
    const built = new Database(fromSchema);
    built.exec(sql);
    built.close();
    const migrated = (process.env.DATABASE_URL ?? "").slice("file:".length);
    assert.deepEqual(structure(migrated), structure(fromSchema));
  });
});

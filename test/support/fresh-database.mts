// Loaded with --import before every test file: points DATABASE_URL at a new database of the test
// lane (test/support/test-lane.ts), migrated with the committed migrations, and MEDIA_DIR at an empty
// folder, so each test file runs against a real database and media store of its own. SQLite: a new
// file. PostgreSQL: a copy of the run's migrated template (scripts/run/test-databases.ts), dropped by
// the run's cleanup.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDatabase } from "../../scripts/shared/postgresql-admin";
import { installStatementRecorder } from "./statement-recorder";
import { testDatabaseUrl, testLane, testTemplateUrl } from "./test-lane";

function freshSqliteDatabase(directory: string): string {
  const file = path.join(directory, "test.db");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const migrations = path.join("prisma", "migrations");
  for (const name of readdirSync(migrations)
    .filter((entry) => /^\d+_/.test(entry))
    .sort()) {
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return `file:${file}`;
}

async function freshPostgresqlDatabase(): Promise<string> {
  const run = process.env.TEST_RUN;
  if (!run) throw new Error("the PostgreSQL lane needs TEST_RUN and its template: run it through npm test");
  const url = testDatabaseUrl(run, `f${process.pid}`);
  await createDatabase(url, { template: testTemplateUrl(run) });
  return url;
}

// The runner's parent process only spawns one child per file; only the children need a database.
if (process.env.NODE_TEST_CONTEXT) {
  const directory = mkdtempSync(path.join(tmpdir(), "portal-test-"));
  process.env.DATABASE_URL =
    testLane() === "postgresql" ? await freshPostgresqlDatabase() : freshSqliteDatabase(directory);
  process.env.MEDIA_DIR = path.join(directory, "media");
  installStatementRecorder();
  // The limits are counted in the database unless a test asks for Redis (test/integration/rate-limits.test.ts).
  delete process.env.REDIS_URL;
  process.on("exit", () => rmSync(directory, { recursive: true, force: true }));
}

// Loaded with --import before every test file: points DATABASE_URL at a new SQLite file, migrated
// with the committed migrations, and MEDIA_DIR at an empty folder, so each test file runs against
// a real database and media store of its own.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

// The runner's parent process only spawns one child per file; only the children need a database.
if (process.env.NODE_TEST_CONTEXT) {
  const directory = mkdtempSync(path.join(tmpdir(), "portal-test-"));
  const file = path.join(directory, "test.db");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const migrations = path.join("prisma", "migrations");
  for (const name of readdirSync(migrations).filter((entry) => /^\d+_/.test(entry)).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  process.env.MEDIA_DIR = path.join(directory, "media");
  process.on("exit", () => rmSync(directory, { recursive: true, force: true }));
}

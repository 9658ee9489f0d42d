// Brings the database to the current schema and seeds it: `npm run db:setup` (idempotent) or
// `npm run db:fresh` (starts from an empty database: deletes the SQLite file, or drops and creates
// the PostgreSQL database DATABASE_URL names). Used by start.sh, the tests and the e2e web server.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider, databaseUrl, sqliteFilePath } from "../../lib/db/url";
import { createDatabase, dropDatabase } from "../shared/postgresql-admin";

const fresh = process.argv.includes("--fresh");
const url = databaseUrl();
const prisma = (args: string[]) =>
  execFileSync(path.join("node_modules", ".bin", "prisma"), args, { stdio: "inherit", env: process.env });

function prepareSqlite(): void {
  const file = sqliteFilePath(url);
  if (fresh) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
  mkdirSync(path.dirname(file), { recursive: true });
  prisma(["migrate", "deploy"]);
  // WAL is a property of the file: readers keep reading while a comment is written.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

async function preparePostgresql(): Promise<void> {
  if (fresh) await dropDatabase(url);
  await createDatabase(url);
  prisma(["migrate", "deploy"]);
}

(databaseProvider(url) === "postgresql" ? preparePostgresql() : Promise.resolve().then(prepareSqlite))
  .then(() => prisma(["db", "seed"]))
  .catch((error: Error) => {
    console.error(`database setup failed: ${error.message}`);
    process.exit(1);
  });

// Brings the database to the current schema and seeds it: `npm run db:setup` (idempotent) or
// `npm run db:fresh` (deletes the SQLite file first). Used by start.sh and the e2e web server.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "../lib/database-url";

const fresh = process.argv.includes("--fresh");
const file = sqliteFilePath(databaseUrl());
const prisma = (args: string[]) =>
  execFileSync(path.join("node_modules", ".bin", "prisma"), args, { stdio: "inherit", env: process.env });

if (fresh) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}
mkdirSync(path.dirname(file), { recursive: true });
prisma(["migrate", "deploy"]);
// WAL is a property of the file: readers keep reading while a comment is written.
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.close();
prisma(["db", "seed"]);

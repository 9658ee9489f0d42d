import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/*
 * Copies of the SQLite database. The backup uses SQLite's online backup API, which copies a
 * consistent snapshot while the portal keeps reading and writing; restore checks the copy first and
 * swaps it in whole, never leaving a half-written database behind.
 */

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

// SQLite restarts an online backup from its first page whenever another connection writes between
// two of its steps. better-sqlite3 copies 100 pages a step, so under steady writes a database of a
// few thousand pages is never finished; copying every page in one step (one read transaction, which
// in WAL mode blocks no writer) cannot be restarted. better-sqlite3 caps the step at this count.
const ALL_REMAINING_PAGES = 0x7fffffff;

export async function backupDatabase(source: string, destination: string): Promise<void> {
  mkdirSync(path.dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(destination, { progress: () => ALL_REMAINING_PAGES });
  } finally {
    db.close();
  }
  const check = integrity(destination);
  if (check !== "ok") throw new Error(`the backup failed its integrity check: ${check}`);
}

/** Replaces `target` with the backup. Stop the portal first: open connections keep the old file. */
export function restoreDatabase(backup: string, target: string): void {
  if (!existsSync(backup)) throw new Error(`no backup at ${backup}`);
  const check = integrity(backup);
  if (check !== "ok") throw new Error(`refusing to restore: the backup failed its integrity check: ${check}`);
  mkdirSync(path.dirname(target), { recursive: true });
  const staged = `${target}.restoring`;
  const copy = new Database(backup, { readonly: true });
  try {
    copy.exec(`VACUUM INTO '${staged.replace(/'/g, "''")}'`);
  } finally {
    copy.close();
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(target + suffix, { force: true });
  renameSync(staged, target);
}

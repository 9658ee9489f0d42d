import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import {
  createDatabase,
  databaseExists,
  databaseName,
  dropDatabase,
  onServer,
  withDatabase,
} from "../postgresql-admin";

/*
 * Copies of the PostgreSQL database with PostgreSQL's own tools (pg_dump and pg_restore from the
 * client package matching the server's major version). pg_dump reads one consistent snapshot while
 * the portal keeps serving; restore loads the copy into a new database first and swaps it in by
 * renaming, so a damaged copy or a failed load leaves the current database as it was.
 */

const run = promisify(execFile);

/** libpq reads the URL itself; Prisma-only parameters (`?schema=`) would make it refuse. */
function libpqUrl(url: string): string {
  const plain = new URL(url);
  plain.searchParams.delete("schema");
  return plain.toString();
}

async function tool(name: "pg_dump" | "pg_restore", args: string[]): Promise<void> {
  try {
    await run(name, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT")
      throw new Error(`${name} is not installed (Debian: apt-get install postgresql-client)`);
    throw new Error(`${name} failed: ${(failure.stderr ?? failure.message).trim()}`);
  }
}

/** A custom-format dump (`pg_restore` reads it) of the database at `url`, written to `destination`. */
export async function backupPostgresql(url: string, destination: string): Promise<void> {
  mkdirSync(path.dirname(destination), { recursive: true });
  await tool("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${destination}`,
    `--dbname=${libpqUrl(url)}`,
  ]);
}

async function openConnections(url: string): Promise<number> {
  const result = await onServer(url, (client) =>
    client.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [databaseName(url)],
    ),
  );
  return Number(result.rows[0].n);
}

async function renameDatabase(url: string, from: string, to: string): Promise<void> {
  await onServer(url, (client) => client.query(`ALTER DATABASE "${from}" RENAME TO "${to}"`));
}

/** Replaces the database at `target` with the dump. Stop the portal first: its connections hold the database. */
export async function restorePostgresql(dump: string, target: string): Promise<void> {
  const name = databaseName(target);
  const staged = withDatabase(target, `${name}_restoring`);
  await tool("pg_restore", ["--list", dump]).catch((error: Error) => {
    throw new Error(`refusing to restore: ${dump} is not a readable dump (${error.message})`);
  });
  await dropDatabase(staged);
  await createDatabase(staged);
  try {
    await tool("pg_restore", [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      `--dbname=${libpqUrl(staged)}`,
      dump,
    ]);
  } catch (error) {
    await dropDatabase(staged);
    throw new Error(`refusing to restore, nothing changed: ${(error as Error).message}`);
  }
  const replaced = `${name}_replaced_${Date.now()}`;
  const exists = await databaseExists(target);
  try {
    if (exists) {
      const connections = await openConnections(target);
      if (connections > 0)
        throw new Error(`${connections} connection(s) to ${name} are open: stop the portal, then restore again`);
      await renameDatabase(target, name, replaced);
    }
  } catch (error) {
    await dropDatabase(staged);
    throw new Error(`nothing changed: ${(error as Error).message}`);
  }
  await renameDatabase(target, databaseName(staged), name);
  if (exists) await dropDatabase(withDatabase(target, replaced));
}

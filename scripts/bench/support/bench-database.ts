import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import type { DatabaseProvider } from "@/lib/db/url";
import {
  createDatabase,
  dropDatabase,
  serverReachable,
  withClient,
  withDatabase,
} from "@/scripts/shared/postgresql-admin";

/*
 * Which database the bench serves its archives from. SQLite: a file per archive in the scratch
 * directory. PostgreSQL: a database per archive (and one for the build) on BENCH_POSTGRESQL_URL's
 * server, named <prefix><run>_<purpose>, created by the run and dropped at its end; no other
 * database on the server is touched.
 */

export const DEFAULT_POSTGRESQL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
export const DEFAULT_DATABASE_PREFIX = "bench_";

export type DatabaseTarget =
  { provider: "sqlite" } | { provider: "postgresql"; serverUrl: string; databasePrefix: string; run: string };

/** What the output and the JSON say about the database the figures came from. */
export interface DatabaseInfo {
  provider: DatabaseProvider;
  version: string;
  /** "a file per archive" or the server and the names of the run's databases. */
  where: string;
}

/** One database the run made, with the URL the app is given (DATABASE_URL). */
export interface BenchDatabase {
  provider: DatabaseProvider;
  url: string;
  /** The file, or the PostgreSQL database's name. */
  name: string;
  /** Removes a PostgreSQL database (a SQLite file goes with the scratch directory). */
  drop(): Promise<void>;
}

export function databaseTarget(
  provider: string,
  databasePrefix: string,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  if (provider === "sqlite") return { provider };
  if (provider !== "postgresql")
    throw new Error(`--database must be sqlite or postgresql, got ${JSON.stringify(provider)}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(databasePrefix))
    throw new Error(
      `--database-prefix must be lower-case letters, digits and _, got ${JSON.stringify(databasePrefix)}`,
    );
  return {
    provider,
    serverUrl: env.BENCH_POSTGRESQL_URL || DEFAULT_POSTGRESQL_SERVER,
    databasePrefix,
    run: randomBytes(3).toString("hex"),
  };
}

/** Stops before anything is built when the PostgreSQL server does not answer. */
export async function describeTarget(target: DatabaseTarget): Promise<DatabaseInfo> {
  if (target.provider === "sqlite") {
    const memory = new Database(":memory:");
    const version = String(memory.prepare("SELECT sqlite_version()").pluck().get());
    memory.close();
    return { provider: "sqlite", version, where: "a file per archive (better-sqlite3 adapter), WAL mode" };
  }
  if (!(await serverReachable(target.serverUrl)))
    throw new Error(`no PostgreSQL server answers at ${serverAddress(target.serverUrl)} (set BENCH_POSTGRESQL_URL)`);
  const version = await withClient(target.serverUrl, async (client) =>
    String((await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version),
  );
  return {
    provider: "postgresql",
    version,
    where: `${serverAddress(target.serverUrl)}, databases ${databaseName(target, "*")} (adapter-pg), dropped at the end`,
  };
}

/** "SQLite 3.50.4", "PostgreSQL 15.20 …": the engine the figures came from. */
export function databaseLabel(database: DatabaseInfo): string {
  return `${database.provider === "postgresql" ? "PostgreSQL" : "SQLite"} ${database.version}`;
}

const serverAddress = (url: string) => new URL(url).host;

function databaseName(target: Extract<DatabaseTarget, { provider: "postgresql" }>, purpose: string): string {
  return `${target.databasePrefix}${target.run}_${purpose}`;
}

/**
 * An empty database for `purpose` ("build", or the archive's size), for `dir`'s SQLite file or on
 * the PostgreSQL server; `migrate` brings it to the schema without seeding it.
 */
export async function createBenchDatabase(
  target: DatabaseTarget,
  dir: string,
  purpose: string,
): Promise<BenchDatabase> {
  if (target.provider === "sqlite") {
    const file = path.join(dir, `${purpose}.db`);
    return { provider: "sqlite", url: `file:${file}`, name: file, drop: async () => {} };
  }
  const name = databaseName(target, purpose);
  const url = withDatabase(target.serverUrl, name);
  await dropDatabase(url);
  await createDatabase(url);
  return { provider: "postgresql", url, name, drop: () => dropDatabase(url) };
}

/** The database at `url` brought to the schema by the app's own migrations, with no seed. */
export function migrateDatabase(url: string): void {
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** A new database at `url`, migrated and seeded by the app's own `db:fresh` (on PostgreSQL: dropped and created again). */
export function createFreshDatabase(url: string): void {
  execFileSync("npx", ["tsx", "scripts/cli/db-setup.ts", "--fresh"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** The size of the database on disk, in MB. */
export async function postgresqlMegabytes(url: string): Promise<number> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes"),
  );
  return Number(rows[0].bytes) / 1_048_576;
}

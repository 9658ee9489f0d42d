import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

/**
 * The database the app, the scripts and Prisma's CLI all use: `DATABASE_URL`, or a SQLite file
 * under `data/` so a fresh clone runs with no configuration. A `postgresql://` (or `postgres://`)
 * URL selects PostgreSQL. Relative SQLite paths are resolved against the working directory (the
 * repo root for every npm script).
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) return `file:${path.resolve("data", "portal.db")}`;
  databaseProvider(url);
  return url;
}

/** Which database a URL names; anything else than SQLite or PostgreSQL is refused with the reason. */
export function databaseProvider(url: string = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(?:ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${url.split(":")[0]}:…"`);
}

/** The file behind a `file:` URL, for scripts that create or delete the database. */
export function sqliteFilePath(url: string = databaseUrl()): string {
  if (databaseProvider(url) !== "sqlite") throw new Error("not a SQLite database URL");
  return path.resolve(url.slice("file:".length).split("?")[0]);
}

/** Where each provider's schema and migrations are: the PostgreSQL schema is generated (scripts/shared/postgresql-schema.ts). */
export const PRISMA_FOLDERS: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: path.join("prisma", "schema.prisma"), migrations: path.join("prisma", "migrations") },
  postgresql: {
    schema: path.join("prisma", "postgresql", "schema.prisma"),
    migrations: path.join("prisma", "postgresql", "migrations"),
  },
};

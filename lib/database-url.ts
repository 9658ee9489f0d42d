import path from "node:path";

/**
 * The database the app, the scripts and Prisma's CLI all use: `DATABASE_URL`, or a SQLite file
 * under `data/` so a fresh clone runs with no configuration. Relative SQLite paths are resolved
 * against the working directory (the repo root for every npm script).
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) return `file:${path.resolve("data", "portal.db")}`;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for now, got "${url.split(":")[0]}:…"`);
  }
  return url;
}

/** The file behind a `file:` URL, for scripts that create or delete the database. */
export function sqliteFilePath(url: string = databaseUrl()): string {
  return path.resolve(url.slice("file:".length).split("?")[0]);
}

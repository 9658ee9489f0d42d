import path from "node:path";
import { databaseProvider } from "../../lib/db/url";

/** The SQLite file the e2e server runs on when no other database is named. */
export const E2E_DATABASE_FILE = path.resolve("data", "e2e.db");

/**
 * The database the e2e server runs on: deleted (SQLite) or dropped (PostgreSQL) and rebuilt —
 * migrated, seeded — for every run. `E2E_DATABASE_URL` names a PostgreSQL database made for the run;
 * without it, the SQLite file above.
 */
export const E2E_DATABASE_URL = e2eDatabaseUrl(process.env.E2E_DATABASE_URL);

function e2eDatabaseUrl(fromEnvironment: string | undefined): string {
  const url = fromEnvironment?.trim();
  if (!url) return `file:${E2E_DATABASE_FILE}`;
  if (databaseProvider(url) !== "postgresql")
    throw new Error("E2E_DATABASE_URL must be a postgresql:// URL; leave it unset for SQLite");
  return url;
}

export const SEED_FILE = path.resolve("prisma", "seed", "almnatiq-1101899.txt");

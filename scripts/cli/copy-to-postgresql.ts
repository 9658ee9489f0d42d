// `DATABASE_URL=postgresql://… npm run db:copy-to-postgresql -- data/portal.db`: moves a portal from
// SQLite to PostgreSQL. Creates the PostgreSQL database if missing, migrates it, and copies every
// row of the SQLite file into it in one transaction (scripts/shared/sqlite-to-postgresql.ts); the
// target must hold no rows yet. Stop the portal first, so no comment arrives during the copy.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { databaseProvider, databaseUrl } from "../../lib/db/url";
import { createDatabase } from "../shared/postgresql-admin";
import { copySqliteToPostgresql } from "../shared/sqlite-to-postgresql";

const source = process.argv[2];
const target = databaseUrl();

async function main(): Promise<void> {
  if (!source) throw new Error("usage: DATABASE_URL=postgresql://… npm run db:copy-to-postgresql -- path/to/portal.db");
  if (databaseProvider(target) !== "postgresql")
    throw new Error("DATABASE_URL must name the PostgreSQL database to copy into");
  await createDatabase(target);
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: process.env,
  });
  const summary = await copySqliteToPostgresql(path.resolve(source), target);
  for (const { table, rows } of summary.tables) console.log(`${table}: ${rows} rows`);
  console.log(`copied in ${summary.seconds.toFixed(1)} s; start the portal with this DATABASE_URL`);
}

main().catch((error: Error) => {
  console.error(`copy failed, nothing copied: ${error.message}`);
  process.exit(1);
});

import { execFileSync } from "node:child_process";
import { createBenchDatabase, createFreshDatabase, type DatabaseTarget } from "./bench-database";

/**
 * `npm run build` (its prebuild steps, then `next build`), with its output shown, on the target
 * database: DATABASE_URL at build time picks the provider, as in production. The build prerenders
 * the pages it can (home, feeds), so it needs a database: a fresh one holding the seed article
 * (dropped after the build on PostgreSQL). Each server the bench starts expires those pages first
 * (scripts/shared/portal-server.ts).
 */
export async function buildApp(target: DatabaseTarget, scratchDir: string): Promise<void> {
  const database = await createBenchDatabase(target, scratchDir, "build");
  try {
    console.log(`npm run build (on a fresh database, ${database.name})…`);
    createFreshDatabase(database.url);
    execFileSync("npm", ["run", "--silent", "build"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
    });
  } finally {
    await database.drop();
  }
}

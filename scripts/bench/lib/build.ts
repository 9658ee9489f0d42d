import { execFileSync } from "node:child_process";
import path from "node:path";
import { createFreshDatabase } from "./archive";

/**
 * `next build`, as `npm run build` does, with its output shown. The build prerenders the pages it
 * can (home, feeds), so it needs a database: a fresh one in `scratchDir`, holding the seed article.
 * Each server the bench starts expires those pages first (startNextServer).
 */
export function buildApp(scratchDir: string): void {
  const databaseFile = path.join(scratchDir, "build.db");
  console.log(`next build (on a fresh database, ${databaseFile})…`);
  createFreshDatabase(databaseFile);
  execFileSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

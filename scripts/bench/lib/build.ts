import { execFileSync } from "node:child_process";
import path from "node:path";
import { createFreshDatabase } from "./archive";

/**
 * `npm run build` (its prebuild steps, then `next build`), with its output shown. The build
 * prerenders the pages it can (home, feeds), so it needs a database: a fresh one in `scratchDir`,
 * holding the seed article. Each server the bench starts expires those pages first (startNextServer).
 */
export function buildApp(scratchDir: string): void {
  const databaseFile = path.join(scratchDir, "build.db");
  console.log(`npm run build (on a fresh database, ${databaseFile})…`);
  createFreshDatabase(databaseFile);
  execFileSync("npm", ["run", "--silent", "build"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { OFFLINE_CHROMIUM_FLAGS, systemChromium } from "../../scripts/shared/chromium";
import { E2E_APP_SECRET } from "../support/server";
import {
  COMMENTS_PER_MINUTE,
  databaseUrl,
  firstInstance,
  instancePorts,
  redisKeyPrefix,
  redisUrl,
  secondInstance,
} from "./settings";

/*
 * Two `next start` instances of one build on one PostgreSQL database and one Redis, as behind a load
 * balancer (issue 7). Its own config, so the main e2e run (SQLite, one server) never needs either:
 *   npx playwright test --config e2e/multi-instance/playwright.config.ts
 * Settings (database, Redis, ports) come from the environment: see settings.ts.
 */
const root = path.resolve(__dirname, "..", "..");

// What both instances run with: the same database, Redis, keys and secret (sessions, fingerprints).
const instanceEnvironment = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: redisKeyPrefix,
  APP_SECRET: E2E_APP_SECRET,
  NEXT_TELEMETRY_DISABLED: "1",
  COMMENT_RATE_PER_MINUTE: String(COMMENTS_PER_MINUTE),
  COMMENT_MIN_FILL_SECONDS: "0",
};

const instance = (url: string, command: string) => ({
  command,
  cwd: root,
  url: `${url}/api/health`,
  reuseExistingServer: false,
  // The first also recreates, migrates and seeds the database.
  timeout: 300_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: instanceEnvironment,
});

export default defineConfig({
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  // One test at a time: a render running for one test could otherwise hand another a copy from
  // before its change (lib/cache/expiry.ts), and this file checks that changes show "at once".
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // Each test renders several pages for the first time on two instances sharing two cores.
  timeout: 120_000,
  outputDir: path.join(root, "test-results", "multi-instance-artifacts"),
  reporter: [["list"], ["json", { outputFile: path.join(root, "test-results", "e2e-multi-instance.json") }]],
  globalTeardown: "./teardown.ts",
  use: {
    baseURL: firstInstance,
    locale: "ar",
    trace: "retain-on-failure",
    launchOptions: { executablePath: systemChromium(), args: OFFLINE_CHROMIUM_FLAGS },
  },
  projects: [{ name: "multi-instance", use: { ...devices["Desktop Chrome"] } }],
  // Started in this order, each once the one before answers: the first recreates the database.
  webServer: [
    instance(
      firstInstance,
      `npx tsx e2e/multi-instance/prepare.ts && npx tsx scripts/cli/db-setup.ts --fresh && npx tsx --conditions=react-server e2e/support/create-users.ts && npx next start -p ${instancePorts[0]}`,
    ),
    instance(secondInstance, `npx next start -p ${instancePorts[1]}`),
  ],
});

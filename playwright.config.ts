import { defineConfig, devices } from "@playwright/test";
import { databaseProvider } from "./lib/db/url";
import { E2E_DATABASE_URL } from "./e2e/support/paths";
import { OFFLINE_CHROMIUM_FLAGS, systemChromium } from "./scripts/shared/chromium";
import { E2E_APP_SECRET, E2E_BASE_URL, E2E_PORT } from "./e2e/support/server";

// Tests that hold PostgreSQL's table locks (e2e/tests/postgresql/): run on that database only, once
// the others are done, since a held lock stops every other request reading the table.
const onPostgresql = databaseProvider(E2E_DATABASE_URL) === "postgresql";

export default defineConfig({
  testDir: "e2e/tests",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  // Tests that scan several pages (axe, the Nu checker) need more than the default 30 s when the
  // two cores are shared with the server and a second worker.
  timeout: 60_000,
  // Playwright empties outputDir on start: keep it apart from the unit report in test-results/.
  outputDir: "test-results/e2e-artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "ar",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium(),
      args: OFFLINE_CHROMIUM_FLAGS,
    },
  },
  projects: [
    // Signs each newsroom role in once and saves the session for the tests that need it.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
      testIgnore: [/tests\/scheduled\//, /tests\/postgresql\//],
    },
    ...(onPostgresql
      ? [
          {
            name: "postgresql",
            testMatch: /tests\/postgresql\/.*\.spec\.ts$/,
            use: { ...devices["Desktop Chrome"] },
            dependencies: ["chromium"],
          },
        ]
      : []),
    // Tests of what the server does by itself over time, run once nothing else writes to the database.
    {
      name: "scheduled",
      testMatch: /tests\/scheduled\/.*\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"] },
      dependencies: [onPostgresql ? "postgresql" : "chromium"],
    },
  ],
  webServer: {
    // The production build (made by `npm test` or `npm run build`) on a new, migrated, seeded
    // database (SQLite, or PostgreSQL when E2E_DATABASE_URL names one: e2e/support/paths.ts) with
    // the test accounts of e2e/support/users.ts.
    command: `npm run db:fresh && npx tsx --conditions=react-server e2e/support/create-users.ts && npm run --silent serve -- -p ${E2E_PORT}`,
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      APP_SECRET: E2E_APP_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      // Every test posts from the same address and types at machine speed: the flood limits are
      // off here and covered by test/integration/comment-spam.test.ts.
      COMMENT_RATE_PER_MINUTE: "0",
      COMMENT_RATE_PER_HOUR: "0",
      COMMENT_MIN_FILL_SECONDS: "0",
    },
  },
});

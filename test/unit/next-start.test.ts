import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "../../scripts/shared/next-start";

test("npm run serve starts the server with the flags and environment the benchmark and the drills use", () => {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  const environment = Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`);
  assert.equal(
    scripts.serve,
    `${environment.join(" ")} node ${SERVER_NODE_FLAGS.join(" ")} node_modules/next/dist/bin/next start`,
  );
  assert.match(readFileSync("scripts/run/start.sh", "utf8"), /exec npm run --silent serve -- /);
});

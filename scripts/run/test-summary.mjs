// Adds up the runners' reports into one closing line: "N passed, N failed".
// Usage: node scripts/run/test-summary.mjs test-results/steps.tsv (written by scripts/run/test.sh: one line
// per step: label, kind, exit code, report file).
import { existsSync, readFileSync } from "node:fs";

const lanes = [];

function tapCounts(file) {
  if (!existsSync(file)) return null;
  const tap = readFileSync(file, "utf8");
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, "m"))?.[1] ?? 0);
  return { passed: count("pass"), failed: count("fail") + count("cancelled") + count("skipped") + count("todo") };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + stats.skipped };
}

/** A runner that exited non-zero without reporting a failed test still failed: count it once. */
function runner(name, counts, exitCode) {
  const result = counts ?? { passed: 0, failed: 0 };
  if (exitCode !== "0" && result.failed === 0) result.failed = 1;
  console.log(`   ${name}: ${result.passed} passed and ${result.failed} failed`);
  lanes.push({ name, ...result });
}

/** A step that is not a test (type check, build) counts as one failure when it fails. */
function step(name, exitCode) {
  console.log(`   ${name}: ${exitCode === "0" ? "ok" : "FAILED"}`);
  if (exitCode !== "0") lanes.push({ name, passed: 0, failed: 1 });
}

console.log("\n== summary");
const steps = readFileSync(process.argv[2], "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => line.split("\t"));
for (const [name, kind, exitCode, report] of steps) {
  if (kind === "tap") runner(name, tapCounts(report), exitCode);
  else if (kind === "playwright") runner(name, playwrightCounts(report), exitCode);
  else if (kind === "absent") console.log(`   ${name}: not run (no server)`);
  else step(name, exitCode);
}
const passed = lanes.reduce((sum, lane) => sum + lane.passed, 0);
const failed = lanes.reduce((sum, lane) => sum + lane.failed, 0);
if (passed === 0 && failed === 0) console.log("   no test ran: that is a failure");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

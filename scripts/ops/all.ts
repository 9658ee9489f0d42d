// `npm run ops:all`: every ops script in turn (each starts its own servers on its own database),
// then one line per script and a non-zero exit if any failed.
import { spawnSync } from "node:child_process";

const SCRIPTS = ["ops:comment-load", "ops:crash", "ops:backup-under-load", "ops:brute-force"];

const results = SCRIPTS.map((script) => {
  const startedAt = Date.now();
  const { status } = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  return { script, status, seconds: (Date.now() - startedAt) / 1000 };
});

console.log("\n== ops:all");
for (const { script, status, seconds } of results) {
  console.log(`${status === 0 ? "PASS" : "FAIL"}  ${script.padEnd(24)} exit ${status}, ${seconds.toFixed(0)} s`);
}
const failed = results.filter(({ status }) => status !== 0).length;
console.log(`ops:all: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

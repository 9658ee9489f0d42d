import { execFileSync } from "node:child_process";

/** `next build`, as `npm run build` does, with its output shown. */
export function buildApp(): void {
  console.log("next build…");
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

import os from "node:os";
import { removeTempDirs, tempDirsInUse } from "./commands";

/*
 * How every ops script reports: figures as aligned lines, each check PASS or FAIL with its numbers,
 * and an exit code that is non-zero when any check failed or the run itself broke.
 */

export class Checks {
  private failed = 0;
  private passed = 0;

  /** Records one check; `detail` gives the figures it was decided on. */
  check(ok: boolean, label: string, detail = ""): boolean {
    console.log(`${ok ? "PASS" : "FAIL"}  ${label}${detail ? `: ${detail}` : ""}`);
    if (ok) this.passed += 1;
    else this.failed += 1;
    return ok;
  }

  /** Prints the tally and returns the process exit code. */
  finish(title: string): number {
    if (this.passed + this.failed === 0) {
      console.log(`${title}: no check ran`);
      return 1;
    }
    console.log(`${title}: ${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}

export function figure(label: string, value: string | number): void {
  console.log(`  ${label.padEnd(34)} ${value}`);
}

// No ops run takes this long: past it, something hangs, and the run says where and fails.
const RUN_LIMIT_MS = 10 * 60_000;
let stage = "start";

export function heading(text: string): void {
  stage = text;
  console.log(`\n== ${text}`);
}

/** Timings mean little without the machine's size and how busy it already was. */
export function machineFigures(): void {
  figure(
    "machine",
    `${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" / ")} (1 / 5 / 15 min)`,
  );
}

/**
 * Runs a script's main and exits with its code; a thrown error is reported and exits 2. A passing
 * run removes its temporary files; a failing one keeps them and prints where.
 */
export function runOps(main: () => Promise<number>): void {
  const finish = (code: number) => {
    if (code === 0) removeTempDirs();
    else for (const dir of tempDirsInUse()) console.log(`kept for inspection: ${dir}`);
    process.exit(code);
  };
  setTimeout(() => {
    console.error(`run failed: still running after ${RUN_LIMIT_MS / 60_000} minutes, in "${stage}"`);
    finish(2);
  }, RUN_LIMIT_MS).unref();
  main().then(finish, (error: unknown) => {
    console.error(`run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    finish(2);
  });
}

export function parseIntegerFlag(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} must be a whole number, got ${JSON.stringify(value)}`);
  return parsed;
}

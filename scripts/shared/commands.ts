/*
 * What the tools run besides the server: `npm run <script>` as an operator types it, a fresh
 * database to run against, and the scratch folders a run leaves behind only when it failed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const TSX_BIN = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** DATABASE_URL for a SQLite file. */
export const sqliteUrl = (file: string) => `file:${file}`;

const tempDirs: string[] = [];

/** A new directory for a run's databases and backups; see `removeTempDirs`. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `portal-ops-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** After a run that passed; a failed run keeps its files for a look, and says where they are. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const tempDirsInUse = (): readonly string[] => tempDirs;

export interface CommandResult {
  code: number | null;
  output: string;
  /** True when it was stopped for running past its time limit. */
  timedOut: boolean;
}

export interface CommandOptions {
  stdin?: string;
  /** Past this, the command's whole process group is killed. */
  timeoutMs?: number;
}

/** Runs a command in the repository with the given environment added, collecting its output. */
function runCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  { stdin, timeoutMs }: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout stops npm and the node process it started alike.
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          if (child.pid) process.kill(-child.pid, "SIGKILL");
        }, timeoutMs)
      : null;
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
    child.stdin.end(stdin ?? "");
  });
}

/** `npm run <script> -- <args>` against the given database, as an operator types it. */
export async function npmRun(
  script: string,
  args: string[],
  databaseFile: string,
  options: CommandOptions = {},
): Promise<CommandResult> {
  return runCommand(
    "npm",
    ["run", "--silent", script, "--", ...args],
    { DATABASE_URL: sqliteUrl(databaseFile) },
    options,
  );
}

/** A new database file in `dir`, migrated, in WAL mode and seeded (`npm run db:fresh`). */
export async function freshDatabase(dir: string): Promise<string> {
  const file = path.join(dir, "portal.db");
  const result = await runCommand(TSX_BIN, ["scripts/cli/db-setup.ts", "--fresh"], {
    DATABASE_URL: sqliteUrl(file),
  });
  if (result.code !== 0) throw new Error(`db:fresh failed (exit ${result.code}):\n${result.output}`);
  return file;
}

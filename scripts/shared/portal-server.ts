/*
 * The built portal as production runs it: `next start` on its own SQLite file, started as the real
 * node process (not through npm or npx), so a script can SIGKILL exactly the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { requestCachePurge } from "./purge-request";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "./next-start";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_BIN = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
// The ports the ops scripts may use (kept apart from the app's 3000 and the e2e server's 3100).
const PORT_RANGE = { first: 3300, last: 3399 };
const HEALTH_TIMEOUT_MS = 60_000;
// USER_HZ, which Linux fixes at 100 for what /proc reports.
const CLOCK_TICKS_PER_SECOND = 100;

/** One secret per script run: a restarted server still accepts the forms and cookies it signed before. */
const APP_SECRET = randomBytes(32).toString("hex");

/** Servers still running, SIGKILLed if the script ends without stopping them. */
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
// Interrupted (Ctrl-C, a timeout): exit normally, so the handler above stops the servers.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

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

const databaseUrlFor = (file: string) => `file:${file}`;

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
    { DATABASE_URL: databaseUrlFor(databaseFile) },
    options,
  );
}

/** A new database file in `dir`, migrated, in WAL mode and seeded (`npm run db:fresh`). */
export async function freshDatabase(dir: string): Promise<string> {
  const file = path.join(dir, "portal.db");
  const result = await runCommand(TSX_BIN, ["scripts/cli/db-setup.ts", "--fresh"], {
    DATABASE_URL: databaseUrlFor(file),
  });
  if (result.code !== 0) throw new Error(`db:fresh failed (exit ${result.code}):\n${result.output}`);
  return file;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

// A port is not reused within a run: requests to a killed server must not share a connection
// pool (fetch keeps one per origin) with requests to the next one.
const portsTaken = new Set<number>();

async function freePort(): Promise<number> {
  for (let port = PORT_RANGE.first; port <= PORT_RANGE.last; port += 1) {
    if (!portsTaken.has(port) && (await portIsFree(port))) {
      portsTaken.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${PORT_RANGE.first}-${PORT_RANGE.last}`);
}

export interface PortalServer {
  baseUrl: string;
  pid: number;
  /** Everything the server has printed (stdout and stderr). */
  output(): string;
  /** CPU time the server process has used so far, in seconds (null where /proc is not available). */
  cpuSeconds(): number | null;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, and SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
  /** SIGKILL: the crash, no shutdown of any kind. */
  kill(): Promise<void>;
  /**
   * Expires every cached page, as `npm run cache:purge` does after a restore: servers started here
   * share the checkout's build and its page cache, so one on a restored file would otherwise serve
   * pages cached from another database.
   */
  purgeCache(): Promise<void>;
}

export interface ServerOptions {
  databaseFile: string;
  /** Added to the server's environment (COMMENT_RATE_PER_MINUTE…). */
  env?: Record<string, string>;
  port?: number;
}

export async function startServer({ databaseFile, env = {}, port }: ServerOptions): Promise<PortalServer> {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npm run build` first");
  }
  const listenPort = port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, NEXT_BIN, "start", "-p", String(listenPort), "-H", "127.0.0.1"],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...SERVER_ENV,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        APP_SECRET,
        DATABASE_URL: databaseUrlFor(databaseFile),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const server: PortalServer = {
    baseUrl,
    pid: child.pid ?? -1,
    output: () => output,
    cpuSeconds: () => processCpuSeconds(child.pid),
    exited,
    async stop() {
      if (!running.has(child)) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (!running.has(child)) return;
      child.kill("SIGKILL");
      await exited;
    },
    async purgeCache() {
      const status = await requestCachePurge(baseUrl, APP_SECRET);
      if (status !== 200) throw new Error(`POST /api/cache/purge: HTTP ${status}`);
    },
  };
  try {
    await waitForHealth(baseUrl, exited);
  } catch (error) {
    await server.kill();
    throw new Error(`${(error as Error).message}\nserver output:\n${output}`);
  }
  return server;
}

function processCpuSeconds(pid: number | undefined): number | null {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (user and system time), after the parenthesised name.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * One GET of /api/health with its own connection (no keep-alive pool shared with requests to a
 * server that was killed on the same port), settled within `timeoutMs` whatever the socket does.
 */
function healthStatus(baseUrl: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error("health check timed out")), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const request = http.get(`${baseUrl}/api/health`, { agent: false }, (response) => {
      response.on("error", fail);
      response.on("end", () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      });
      response.resume();
    });
    request.on("error", fail);
  });
}

/** Polls /api/health until it answers 200; fails if the server exits or the timeout passes. */
async function waitForHealth(baseUrl: string, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline && !gone) {
    if ((await healthStatus(baseUrl, 2000).catch(() => 0)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    gone
      ? `the server at ${baseUrl} exited before it was healthy`
      : `no healthy answer from ${baseUrl}/api/health within ${HEALTH_TIMEOUT_MS / 1000} s`,
  );
}

/** Lines of the server's output that report SQLite lock contention: each is a failed request. */
export function busyErrorLines(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i.test(line));
}

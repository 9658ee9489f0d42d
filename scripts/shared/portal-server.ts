/*
 * The built portal as production runs it, for the benchmark and the operations drills: `next start`
 * with the server's own memory settings, started as the real node process (not through npm or npx),
 * so a drill can SIGKILL exactly the server and a benchmark can read its CPU time.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { stopWithThisProcess } from "./child-cleanup";
import { requestCachePurge } from "./purge-request";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "./next-start";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");
// The ports picked when none is asked for (kept apart from the app's 3000 and the e2e server's 3100).
const PORT_RANGE = { first: 3300, last: 3399 };
const HEALTH_TIMEOUT_MS = 60_000;
// USER_HZ, which Linux fixes at 100 for what /proc reports.
const CLOCK_TICKS_PER_SECOND = 100;

/** One secret per script run: a restarted server still accepts the forms and cookies it signed before. */
const APP_SECRET = randomBytes(32).toString("hex");

/** The limits a load lifts: per-client flood defences, and one client posting at machine speed is not a flood here. */
export const FLOOD_LIMITS_OFF = {
  COMMENT_RATE_PER_MINUTE: "0",
  COMMENT_RATE_PER_HOUR: "0",
  COMMENT_MIN_FILL_SECONDS: "0",
};

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
  databaseUrl: string;
  /** Added to the server's environment (FLOOD_LIMITS_OFF…). */
  env?: Record<string, string>;
  port?: number;
  /**
   * Runs from a copy of the build in this folder, its uploads there too: what it caches at run time
   * (pages written under .next/server) starts empty and never reaches the checkout or the next
   * server's copy (the bench's archives of each size). Without it, servers share the checkout's
   * build and page cache, which each start expires (see below).
   */
  isolatedIn?: string;
}

export async function startServer({ databaseUrl, env = {}, port, isolatedIn }: ServerOptions): Promise<PortalServer> {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npm run build` first");
  }
  const projectDir = isolatedIn ? copyOfBuild(isolatedIn) : REPO_ROOT;
  const listenPort = port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, NEXT_BIN, "start", projectDir, "-p", String(listenPort), "-H", "127.0.0.1"],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...SERVER_ENV,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        APP_SECRET,
        DATABASE_URL: databaseUrl,
        // Canonical and feed addresses name the address the server is reached at.
        SITE_URL: baseUrl,
        ...(isolatedIn ? { MEDIA_DIR: path.join(isolatedIn, "media") } : {}),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  stopWithThisProcess(child, { group: false });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const server: PortalServer = {
    baseUrl,
    pid: child.pid ?? -1,
    output: () => output,
    cpuSeconds: () => processCpuSeconds(child.pid),
    exited,
    async stop() {
      if (hasExited(child)) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (hasExited(child)) return;
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
    // The build prerendered pages (home, feeds) from its own database, and a shared page cache
    // holds the last server's: for this database they are a change made outside the app.
    await server.purgeCache();
  } catch (error) {
    await server.kill();
    throw new Error(`${(error as Error).message}\nserver output:\n${output}`);
  }
  return server;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** The build without its build-time cache, beside links to what it runs with. */
function copyOfBuild(dir: string): string {
  const projectDir = path.join(dir, "app");
  mkdirSync(projectDir, { recursive: true });
  const build = path.join(REPO_ROOT, ".next");
  cpSync(build, path.join(projectDir, ".next"), {
    recursive: true,
    filter: (source) => path.relative(build, source) !== "cache",
  });
  for (const entry of ["node_modules", "package.json", "next.config.js", "public"]) {
    symlinkSync(path.join(REPO_ROOT, entry), path.join(projectDir, entry));
  }
  return projectDir;
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

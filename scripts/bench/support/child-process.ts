import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { stopWithThisProcess } from "../../shared/child-cleanup";

export interface RunningProcess {
  pid: number;
  logFile: string;
  /** Ends the process and whatever it started (its process group), and waits for it. */
  stop(): Promise<void>;
}

/**
 * Starts a long-running command in its own process group with its output in `logFile`, and
 * resolves once `readyUrl` answers (any HTTP status below 500).
 */
export async function startProcess(
  command: string,
  args: string[],
  {
    env,
    cwd,
    logFile,
    readyUrl,
    timeoutMs = 60_000,
  }: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string; readyUrl: string; timeoutMs?: number },
): Promise<RunningProcess> {
  const log = openSync(logFile, "a");
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ["ignore", log, log] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  // Its own process group, so that stopping it stops what it started.
  stopWithThisProcess(child, { group: true });
  const running: RunningProcess = { pid: child.pid, logFile, stop: () => stopGroup(child) };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return running;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await running.stop();
  throw new Error(
    `${command} ${args.join(" ")} did not come up at ${readyUrl}; its log (${logFile}):\n${tail(logFile)}`,
  );
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    process.kill(-child.pid, "SIGKILL");
    await exited;
  }
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

const isMissing = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status !== 0;

/**
 * Installs the Debian tools the run needs (wrk, nginx) with apt when they are missing, as a new
 * machine has none; stops early with the install command when apt cannot (not root, no network).
 */
export function assertInstalled(commands: readonly string[]): void {
  const missing = commands.filter(isMissing);
  if (missing.length === 0) return;
  console.log(`installing with apt: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
  const still = missing.filter(isMissing);
  if (still.length > 0)
    throw new Error(`missing: ${still.join(", ")}; install with: apt-get install -y ${still.join(" ")}`);
}

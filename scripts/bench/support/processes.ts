import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** The process and all its descendants, from /proc (Linux). */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentPid(Number(entry));
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** /proc/<pid>/stat from field 3 (state) on; null once the process has exited. */
function statFields(pid: number): string[] | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: read after its closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

let ticksPerSecond: number | null = null;

/** CPU time (user + system) used so far by the processes of these trees that are still running. */
export function cpuSeconds(rootPids: readonly number[]): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  let ticks = 0;
  for (const pid of rootPids.flatMap(processTree)) {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of the whole line.
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

function residentKilobytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Polls the resident memory of a process tree and keeps the highest total seen. */
export class PeakRssSampler {
  private peakKilobytes = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** The peak so far in MiB, the polling going on: read after each route, it tells which one raised it. */
  peakSoFar(): number {
    this.sample();
    return this.peakKilobytes / 1024;
  }

  /** Stops polling; the peak in MiB. */
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peakKilobytes / 1024;
  }

  private sample(): void {
    const total = processTree(this.rootPid).reduce((sum, pid) => sum + residentKilobytes(pid), 0);
    this.peakKilobytes = Math.max(this.peakKilobytes, total);
  }
}

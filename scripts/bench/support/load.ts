import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { cpuSeconds } from "./processes";

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  requests: number;
  seconds: number;
  /** Connection, read and write errors. */
  errors: number;
  timeouts: number;
  /** Responses that were not 2xx (wrk counts HTTP ≥ 400; each URL answers 200 before its run). */
  non2xx: number;
  /** Bytes read per response, headers included (no compression is asked for). */
  bytesPerResponse: number;
  /** CPU the serving processes used during the measured run, in cores (1 = one core all along). */
  serverCores: number;
}

const SUMMARY_SCRIPT = path.resolve("scripts", "bench", "wrk", "summary.lua");
const REQUEST_TIMEOUT = "10s";

interface WrkSummary {
  requests: number;
  durationUs: number;
  bytes: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  httpErrors: number;
  timeouts: number;
  p50Us: number;
  p97_5Us: number;
  p99Us: number;
  maxUs: number;
}

/**
 * GETs `url` with wrk, a load generator in C, so that the figures are the server's and not the
 * generator's (a Node generator spends more CPU parsing 50 kB pages than nginx spends sending
 * them): a warm-up run whose figures are thrown away (JIT, connection pools, caches), then the
 * measured run. `servingPids`: the processes that answer (their trees), whose CPU use is reported.
 */
export async function measureLoad(
  url: string,
  settings: LoadSettings,
  servingPids: readonly number[],
): Promise<LoadFigures> {
  await assertAnswers200(url);
  if (settings.warmupSeconds > 0) await runWrk(url, settings.connections, settings.warmupSeconds);
  const cpuBefore = cpuSeconds(servingPids);
  const summary = await runWrk(url, settings.connections, settings.durationSeconds);
  const seconds = summary.durationUs / 1e6;
  const serverCores = (cpuSeconds(servingPids) - cpuBefore) / seconds;
  return {
    requestsPerSecond: summary.requests / seconds,
    latencyMs: {
      p50: summary.p50Us / 1000,
      p97_5: summary.p97_5Us / 1000,
      p99: summary.p99Us / 1000,
      max: summary.maxUs / 1000,
    },
    requests: summary.requests,
    seconds,
    errors: summary.connectErrors + summary.readErrors + summary.writeErrors,
    timeouts: summary.timeouts,
    non2xx: summary.httpErrors,
    bytesPerResponse: summary.requests > 0 ? summary.bytes / summary.requests : 0,
    serverCores,
  };
}

async function assertAnswers200(url: string): Promise<void> {
  const response = await fetch(url, { redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}, expected 200 before loading it`);
}

async function runWrk(url: string, connections: number, seconds: number): Promise<WrkSummary> {
  const threads = String(Math.min(os.cpus().length, connections));
  const { stdout } = await promisify(execFile)(
    "wrk",
    [
      "-t",
      threads,
      "-c",
      String(connections),
      "-d",
      `${seconds}s`,
      "--timeout",
      REQUEST_TIMEOUT,
      "-s",
      SUMMARY_SCRIPT,
      url,
    ],
    { maxBuffer: 1 << 20 },
  );
  const line = stdout.trimEnd().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as WrkSummary;
  } catch {
    throw new Error(`wrk printed no summary for ${url}:\n${stdout}`);
  }
}

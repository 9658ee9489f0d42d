import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { requestCachePurge } from "../../shared/purge-request";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "../../shared/next-start";
import { startProcess, type RunningProcess } from "./child-process";

export interface NextServer extends RunningProcess {
  baseUrl: string;
}

/** What the load runs need lifted: comment rate limits and the minimum fill time are per-client defences. */
export const LOAD_RUN_ENV = { COMMENT_RATE_PER_MINUTE: "0", COMMENT_RATE_PER_HOUR: "0", COMMENT_MIN_FILL_SECONDS: "0" };

/**
 * `next start` of the current build on the database at `databaseUrl`. The server runs from a copy of the build
 * in `workDir`, so what it caches at run time (ISR pages written under .next/server) starts empty
 * for each archive and never leaks from one size's run into the next or into the checkout.
 */
export async function startNextServer({
  workDir,
  port,
  databaseUrl,
  appSecret,
}: {
  workDir: string;
  port: number;
  databaseUrl: string;
  appSecret: string;
}): Promise<NextServer> {
  const projectDir = path.join(workDir, "app");
  mkdirSync(projectDir, { recursive: true });
  cpSync(".next", path.join(projectDir, ".next"), {
    recursive: true,
    filter: (source) => path.relative(".next", source) !== "cache",
  });
  for (const entry of ["node_modules", "package.json", "next.config.js", "public"]) {
    symlinkSync(path.resolve(entry), path.join(projectDir, entry));
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      path.resolve("node_modules", "next", "dist", "bin", "next"),
      "start",
      projectDir,
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      env: {
        ...process.env,
        ...SERVER_ENV,
        ...LOAD_RUN_ENV,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        APP_SECRET: appSecret,
        MEDIA_DIR: path.join(workDir, "media"),
        // Canonical and feed URLs name the address the server is reached at.
        SITE_URL: baseUrl,
      },
      logFile: path.join(workDir, "next.log"),
      readyUrl: `${baseUrl}/api/health`,
    },
  );
  await expireBuildTimePages(baseUrl, appSecret);
  return { ...server, baseUrl };
}

/**
 * The build prerendered some reader pages from its own database: the archive is a change made
 * outside the app, which the app's purge endpoint is for (lib/cache/expiry.ts, everythingChanged).
 */
async function expireBuildTimePages(baseUrl: string, appSecret: string): Promise<void> {
  const status = await requestCachePurge(baseUrl, appSecret);
  if (status === 404) {
    console.warn(
      "this build has no /api/cache/purge: pages it prerendered show its own database until they revalidate",
    );
  } else if (status !== 200) {
    throw new Error(`POST /api/cache/purge: HTTP ${status}`);
  }
}

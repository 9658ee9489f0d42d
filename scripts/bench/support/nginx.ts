import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startProcess, type RunningProcess } from "./child-process";

export const DEPLOY_CONFIG_FILE = "deploy/nginx.conf";

/**
 * nginx at its simplest, serving from a file the exact bytes `pageUrl` answered with (no log, no
 * proxy): what this machine can do for that page, the ceiling the portal's figures are set against.
 */
export async function startCeiling(
  pageUrl: string,
  dir: string,
  port: number,
): Promise<RunningProcess & { url: string }> {
  const page = await fetch(pageUrl);
  if (page.status !== 200) throw new Error(`GET ${pageUrl}: HTTP ${page.status}`);
  const root = path.join(dir, "www");
  mkdirSync(root);
  writeFileSync(path.join(root, "page.html"), Buffer.from(await page.arrayBuffer()));
  const url = `http://127.0.0.1:${port}/page.html`;
  const config = `user ${os.userInfo().username};
worker_processes auto;
pid ${path.join(dir, "ceiling.pid")};
error_log ${path.join(dir, "ceiling-error.log")} warn;
events {
    worker_connections 4096;
}
http {
${scratchTempPaths(dir, "ceiling")}
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 10000;
    server {
        listen 127.0.0.1:${port};
        root ${root};
        default_type "text/html; charset=utf-8";
    }
}
`;
  return { ...(await startNginx("ceiling", config, dir, url)), url };
}

/** The committed production profile (deploy/nginx.conf) in front of the `next start` on `upstreamPort`. */
export async function startCachingProxy(
  dir: string,
  port: number,
  upstreamPort: number,
): Promise<RunningProcess & { baseUrl: string }> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = deployConfigForRun(readFileSync(DEPLOY_CONFIG_FILE, "utf8"), { dir, port, upstreamPort });
  return { ...(await startNginx("proxy", config, dir, `${baseUrl}/api/health`)), baseUrl };
}

/**
 * The production profile with this run's ports and a scratch directory for every path it writes:
 * each replaced line must be found exactly once, so what runs is what is committed.
 */
export function deployConfigForRun(
  template: string,
  { dir, port, upstreamPort }: { dir: string; port: number; upstreamPort: number },
): string {
  const replacements: [RegExp, string][] = [
    [/^user \S+;$/m, `user ${os.userInfo().username};`],
    [/^pid \S+;$/m, `pid ${path.join(dir, "proxy.pid")};`],
    [/^error_log \S+/m, `error_log ${path.join(dir, "proxy-error.log")}`],
    [/^(\s*access_log) \S+/m, `$1 ${path.join(dir, "proxy-access.log")}`],
    [/^(\s*proxy_cache_path) \S+/m, `$1 ${path.join(dir, "proxy-cache")}`],
    [/^(\s*listen) 80;$/m, `$1 127.0.0.1:${port};`],
    [/^(\s*server) 127\.0\.0\.1:3000;$/m, `$1 127.0.0.1:${upstreamPort};`],
    [/^http \{$/m, `http {\n${scratchTempPaths(dir, "proxy")}`],
  ];
  return replacements.reduce((config, [pattern, replacement]) => {
    const matches = config.match(new RegExp(pattern.source, `${pattern.flags}g`))?.length ?? 0;
    if (matches !== 1)
      throw new Error(`${DEPLOY_CONFIG_FILE}: expected one line matching ${pattern}, found ${matches}`);
    return config.replace(pattern, replacement);
  }, template);
}

/** nginx's temporary files, which Debian's build keeps under /var/lib/nginx, go to the scratch directory. */
function scratchTempPaths(dir: string, name: string): string {
  return ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `    ${kind}_temp_path ${path.join(dir, `${name}-${kind}-temp`)};`)
    .join("\n");
}

/** Runs nginx in the foreground (not the system service) on a config written to `dir`. */
async function startNginx(name: string, config: string, dir: string, readyUrl: string): Promise<RunningProcess> {
  const configFile = path.join(dir, `${name}.conf`);
  writeFileSync(configFile, config);
  return startProcess(
    "nginx",
    ["-c", configFile, "-p", dir, "-e", path.join(dir, `${name}-error.log`), "-g", "daemon off;"],
    {
      logFile: path.join(dir, `${name}.log`),
      readyUrl,
    },
  );
}

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cachePurgeTokenFor } from "../../lib/cache-purge-token";
import { E2E_APP_SECRET, E2E_BASE_URL } from "./server";

const token = cachePurgeTokenFor(E2E_APP_SECRET);
// curl answers in milliseconds; a Node child (where there is no curl) takes a few hundred.
const curl = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"].find((candidate) => existsSync(candidate));

/**
 * Expires the server's cached reader pages after a fixture wrote to its database behind its back,
 * as `npm run cache:purge` does after an import. Synchronous (a child process does the request), so
 * the fixtures stay synchronous. Tests of the caching itself change content through the app and
 * never rely on this.
 */
export function purgeReaderCache(): void {
  const url = `${E2E_BASE_URL}/api/cache/purge`;
  if (curl) {
    execFileSync(curl, ["--fail", "--silent", "--show-error", "--request", "POST", "--header", `authorization: Bearer ${token}`, url], { stdio: ["ignore", "ignore", "inherit"] });
    return;
  }
  const script = `fetch(${JSON.stringify(url)}, { method: "POST", headers: { authorization: ${JSON.stringify(`Bearer ${token}`)} } })
    .then((response) => { if (!response.ok) { console.error("cache purge answered " + response.status); process.exit(1); } })
    .catch((error) => { console.error(error); process.exit(1); });`;
  execFileSync(process.execPath, ["-e", script], { stdio: ["ignore", "ignore", "inherit"] });
}

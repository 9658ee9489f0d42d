import { cachePurgeTokenFor } from "../../lib/cache/purge-token";

/* The one client of POST /api/cache/purge: the command line, the bench, the drills and the e2e fixtures. */

/** Asks the portal at `baseUrl` to expire every cached page; the answer's HTTP status. */
export async function requestCachePurge(baseUrl: string, appSecret: string): Promise<number> {
  const response = await fetch(new URL("/api/cache/purge", baseUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${cachePurgeTokenFor(appSecret)}` },
  });
  await response.arrayBuffer();
  return response.status;
}

import { createHmac } from "node:crypto";

/**
 * The bearer token of POST /api/cache/purge for a given APP_SECRET. Shared by the route, the
 * command-line scripts and the e2e fixtures, which know the secret but not the server's memory.
 */
export function cachePurgeTokenFor(appSecret: string): string {
  return createHmac("sha256", appSecret).update("cache-purge").digest("base64url");
}

/** Asks the portal at `baseUrl` to expire every cached page; the answer's HTTP status. */
export async function requestCachePurge(baseUrl: string, appSecret: string): Promise<number> {
  const response = await fetch(new URL("/api/cache/purge", baseUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${cachePurgeTokenFor(appSecret)}` },
  });
  await response.arrayBuffer();
  return response.status;
}

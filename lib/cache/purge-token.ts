import { createHmac } from "node:crypto";

/**
 * The bearer token of POST /api/cache/purge for a given APP_SECRET. Shared by the route, the
 * scheduler and the clients outside the app (scripts/shared/purge-request.ts), which know the
 * secret but not the server's memory.
 */
export function cachePurgeTokenFor(appSecret: string): string {
  return createHmac("sha256", appSecret).update("cache-purge").digest("base64url");
}

import { existsSync } from "node:fs";
import { requestCachePurge } from "./purge-request";

/**
 * Asks the running portal to expire its cached reader pages after a command changed the database
 * behind its back (an import, a restore). The portal is found at PORTAL_URL, or at localhost on
 * PORT (3000 by default, as `npm start`); the secret is the one `npm start` wrote to .env.local.
 * A portal that is not running has nothing cached: that is not an error.
 */
export async function purgePortalCache(): Promise<string> {
  if (!process.env.APP_SECRET && existsSync(".env.local")) process.loadEnvFile(".env.local");
  const secret = process.env.APP_SECRET;
  const base = process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  if (!secret) return "no APP_SECRET (set it or run `npm start` once): the running portal's pages were not expired";
  let status: number;
  try {
    status = await requestCachePurge(base, secret);
  } catch {
    return `no portal answers at ${base}: nothing cached to expire`;
  }
  if (status !== 200)
    throw new Error(
      `the portal at ${base} refused to expire its pages (${status}): is APP_SECRET the one it runs with?`,
    );
  return `expired the cached pages of the portal at ${base}`;
}

import { createClient } from "redis";

/*
 * The process's one Redis connection, shared by Next's cache handler (next-cache-handler.mjs, which
 * Node loads outside the bundle: hence plain JavaScript, typed by redis.d.mts) and the app's rate
 * limits (lib/comments/rate-limits.ts, bundled). Each loads its own copy of this file, so the connection is
 * kept on globalThis. Without REDIS_URL there is none: each instance caches pages on its own disk
 * and counts comment limits in the database, as a single instance always has.
 */

const SHARED = Symbol.for("portal.redis");
// How long a first caller waits for the connection before going on without it (a cache miss, a
// limit counted in the database) rather than hold up a reader while Redis is unreachable.
const FIRST_CONNECTION_WAIT_MS = 2000;

/** REDIS_URL, or null when the portal runs without Redis. */
export function redisUrl(env = process.env) {
  return env.REDIS_URL?.trim() || null;
}

/** Put before every key the portal writes, so several portals (or test runs) can share one Redis. */
export function redisKeyPrefix(env = process.env) {
  return env.REDIS_KEY_PREFIX ?? "portal:";
}

function logRedisError(error) {
  console.error(
    JSON.stringify({
      level: "error",
      source: "redis",
      message: error instanceof Error ? error.message : String(error),
    }),
  );
}

/**
 * The shared client, or null without REDIS_URL. While Redis is unreachable its commands fail at once
 * (no offline queue: a reader should not wait for a reconnection) and it keeps reconnecting.
 */
export async function sharedRedis() {
  const url = redisUrl();
  if (!url) return null;
  let shared = globalThis[SHARED];
  if (!shared) {
    const client = createClient({ url, disableOfflineQueue: true });
    // Without a listener an "error" event (each failed reconnection) would end the process.
    client.on("error", logRedisError);
    const connected = client.connect().then(() => undefined, logRedisError);
    // Settles once, connected or not: only the first callers wait, and at most that long.
    const firstWait = Promise.race([
      connected,
      new Promise((resolve) => setTimeout(resolve, FIRST_CONNECTION_WAIT_MS).unref()),
    ]);
    shared = { client, firstWait };
    globalThis[SHARED] = shared;
  }
  await shared.firstWait;
  return shared.client;
}

/** Closes the shared connection (a script or test that is done), so it no longer holds the process open. */
export async function closeSharedRedis() {
  const shared = globalThis[SHARED];
  if (!shared) return;
  globalThis[SHARED] = undefined;
  // One still trying to reconnect has nothing to finish.
  if (shared.client.isReady) await shared.client.close();
  else if (shared.client.isOpen) shared.client.destroy();
}

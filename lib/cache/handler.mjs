import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { redisKeyPrefix, sharedRedis } from "../db/redis.mjs";

/*
 * Next's page cache in Redis, for several instances (next.config.js names this file only when
 * REDIS_URL is set, and only for `next start`). Every instance reads and writes the same entries, and
 * revalidatePath (lib/cache/expiry.ts) expires them for all: Next tags each cached page with its path
 * and its route's folders ("_N_T_/(site)/sections/[slug]/layout", …); the handler deletes the entries
 * holding the tag and notes when the tag was expired, and a read ignores an entry dated before that.
 *
 * Redis only: no in-process layer, which would keep serving a page another instance expired.
 * Keys are named by REDIS_KEY_PREFIX and the build: a new build starts with an empty cache instead of
 * serving the old build's pages (their scripts are gone). The build's own prerendered pages stay on
 * disk; each is rendered again on its first request.
 */

CacheHandler.onCreation(async ({ buildId }) => {
  const client = await sharedRedis();
  if (!client) throw new Error("The Redis page cache needs REDIS_URL.");
  return {
    handlers: [
      createRedisHandler({
        client,
        keyPrefix: `${redisKeyPrefix()}next:${buildId}:`,
        // A reader waits for a cache read: past a second, render the page instead.
        timeoutMs: 1000,
      }),
    ],
  };
});

/**
 * Next 16.4 takes an entry's lifetime from the entry (`cacheControl`), since another instance may have
 * stored it; without one it falls back to what this process remembers, for a page it never rendered
 * nothing, and then calls the entry stale after a second. This handler keeps the lifetime as
 * `lifespan`: answered as `cacheControl`, the page stays fresh on every instance for its revalidate
 * period, and expires when its Redis key does.
 *
 * scripts/install/patch-next-runtime.mjs makes Next pass when an entry's render began as `renderStartedAt` and
 * date the file-system cache's entries by it (a tag expired during the render leaves the entry stale,
 * since it may have read the old data); this handler dates entries by `internal_lastModified`, so the
 * same rule holds here, checked against the expiry times the handler keeps in Redis.
 */
export default class PortalCacheHandler extends CacheHandler {
  async get(cacheKey, ctx) {
    const entry = await super.get(cacheKey, ctx);
    if (!entry?.lifespan || entry.cacheControl) return entry;
    return {
      ...entry,
      cacheControl: { revalidate: entry.lifespan.revalidate ?? false, expire: entry.lifespan.expireAge },
    };
  }

  set(cacheKey, value, ctx) {
    const renderStartedAt = ctx?.renderStartedAt;
    return super.set(
      cacheKey,
      value,
      typeof renderStartedAt === "number" ? { ...ctx, internal_lastModified: renderStartedAt } : ctx,
    );
  }
}

import { createClient, type RedisClientType } from "redis";
import { redisKeyPrefix, redisUrl } from "./settings";

/** Runs `work` with a client of the instances' Redis, failing clearly when it cannot be reached. */
async function withRedis<T>(work: (client: RedisClientType) => Promise<T>): Promise<T> {
  const client: RedisClientType = createClient({
    url: redisUrl,
    socket: { reconnectStrategy: false, connectTimeout: 2000 },
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`The two-instance test needs Redis at ${redisUrl} (MULTI_INSTANCE_REDIS_URL): ${String(error)}`);
  }
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

async function keysUnderPrefix(client: RedisClientType, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${redisKeyPrefix}${pattern}`, COUNT: 1000 }))
    keys.push(...batch);
  return keys;
}

/** Deletes this run's keys: the cache and counters a previous run left must not leak into this one. */
export function deleteRunKeys(): Promise<void> {
  if (!redisKeyPrefix.endsWith(":"))
    throw new Error(`refusing to delete keys under a prefix without a closing ":": ${redisKeyPrefix}`);
  return withRedis(async (client) => {
    const keys = await keysUnderPrefix(client, "*");
    if (keys.length > 0) await client.unlink(keys);
  });
}

/** The values of the per-minute comment counters kept in Redis (lib/comments/rate-limits.ts). */
export function commentsPerMinuteCounters(): Promise<string[]> {
  return withRedis(async (client) => {
    const keys = await keysUnderPrefix(client, "comments-per-minute:*");
    return keys.length > 0 ? (await client.mGet(keys)).filter((value): value is string => value !== null) : [];
  });
}

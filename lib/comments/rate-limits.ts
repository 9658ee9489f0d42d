import "server-only";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { commentRateLimits } from "./spam";
import { redisKeyPrefix, sharedRedis, type RedisClient } from "../db/redis.mjs";

/*
 * Where a reader's comments are counted against the flood limits (lib/comments/spam.ts).
 *
 * Without Redis, the comment insert counts them itself in the Comment table (lib/db/dialect/*), in the same
 * statement that stores the comment; every instance shares that database, so that holds on several
 * instances too. With REDIS_URL, Redis counts them (rate-limiter-flexible's atomic counters), the
 * insert is told no limit, and the database no longer pays a count per comment. Only stored comments
 * count either way: a post refused (over a limit, article closed, failed insert) gives its point back.
 *
 * Redis's windows are fixed (a minute from the first comment in it), the database's slide (the last
 * 60 s): a client can post up to twice a limit across a window's edge. If Redis cannot be reached the
 * insert counts in the database again, which holds every stored comment: the limits never lapse.
 */

type Limits = ReturnType<typeof commentRateLimits>;

export interface CommentSlot {
  /** False when the client is over a limit (the caller still says "closed" for a closed article). */
  granted: boolean;
  /** What the insert itself must still count in the database. */
  insertLimits: Limits;
  /** Gives back the count this comment took: call it when the comment was not stored. */
  release(): Promise<void>;
}

const COUNTED_ELSEWHERE: Limits = { perMinute: 0, perHour: 0 };
const nothingToRelease = async () => {};
const countedByInsert = (limits: Limits): CommentSlot => ({
  granted: true,
  insertLimits: limits,
  release: nothingToRelease,
});

/** Counts a comment of `fingerprint` (a client without one is not limited, as in the database). */
export async function reserveCommentSlot(fingerprint: string | null): Promise<CommentSlot> {
  const limits = commentRateLimits();
  if (fingerprint === null) return countedByInsert(limits);
  const client = await sharedRedis();
  if (!client) return countedByInsert(limits);
  try {
    return await commentLimiter({ client, keyPrefix: redisKeyPrefix(), limits }).reserve(fingerprint);
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        source: "rate-limits",
        message: `comment limits counted in the database: ${String(error)}`,
      }),
    );
    return countedByInsert(limits);
  }
}

/** The Redis counters of the comment limits; every instance that names the same keys shares them. */
export function commentLimiter({
  client,
  keyPrefix,
  limits,
}: {
  client: RedisClient;
  keyPrefix: string;
  limits: Limits;
}) {
  const windows = [
    { name: "comments-per-minute", points: limits.perMinute, duration: 60 },
    { name: "comments-per-hour", points: limits.perHour, duration: 3600 },
  ];
  const limiters = windows
    .filter((window) => window.points > 0)
    .map(
      ({ name, points, duration }) =>
        new RateLimiterRedis({
          storeClient: client,
          useRedisPackage: true,
          keyPrefix: `${keyPrefix}${name}`,
          points,
          duration,
        }),
    );

  return {
    /** Throws when Redis fails; then nothing stays counted. */
    async reserve(fingerprint: string): Promise<CommentSlot> {
      const results = await Promise.allSettled(limiters.map((limiter) => limiter.consume(fingerprint)));
      // A refusal (a RateLimiterRes) counted the point too; a store error did not.
      const counted = limiters.filter(
        (_, index) => results[index].status === "fulfilled" || results[index].reason instanceof RateLimiterRes,
      );
      const release = async () => {
        await Promise.all(counted.map((limiter) => limiter.reward(fingerprint)));
      };
      const failure = results.find(
        (result): result is PromiseRejectedResult =>
          result.status === "rejected" && !(result.reason instanceof RateLimiterRes),
      );
      if (failure) {
        await release().catch(() => undefined);
        throw failure.reason;
      }
      const granted = results.every((result) => result.status === "fulfilled");
      if (!granted) await release();
      return { granted, insertLimits: COUNTED_ELSEWHERE, release: granted ? release : nothingToRelease };
    },
  };
}

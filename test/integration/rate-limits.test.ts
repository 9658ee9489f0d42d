import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, describe, test } from "node:test";
import { createClient } from "redis";
import { postComment } from "../../lib/comments/posting";
import { CommentRateLimitedError, CommentsClosedError } from "../../lib/errors";
import { commentLimiter, reserveCommentSlot } from "../../lib/comments/rate-limits";
import { closeSharedRedis, type RedisClient } from "../../lib/db/redis.mjs";
import { countComments, createArticle } from "../support/factories";

/*
 * The comment limits counted in Redis, as several instances share them. Redis is part of the test
 * environment (this machine and CI run one at 127.0.0.1:6379; TEST_REDIS_URL names another): when it
 * cannot be reached these tests fail and say so, rather than skip, because a skipped lane would let
 * the shared limits break unseen. Keys live under TEST_REDIS_KEY_PREFIX (default "portal-test:") and
 * a name of this run, and are deleted at the end.
 */
const REDIS_URL = process.env.TEST_REDIS_URL?.trim() || "redis://127.0.0.1:6379";
const keyPrefix = `${process.env.TEST_REDIS_KEY_PREFIX ?? "portal-test:"}${randomUUID()}:`;
const limits = { perMinute: 3, perHour: 10 };

// Two clients: what two app instances hold.
let instanceA: RedisClient;
let instanceB: RedisClient;

async function connect(): Promise<RedisClient> {
  const client = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL to another server): ${String(error)}`);
  }
  return client;
}

const environment = { ...process.env };
before(async () => {
  instanceA = await connect();
  instanceB = await connect();
});
afterEach(async () => {
  process.env = { ...environment };
  await closeSharedRedis();
});
after(async () => {
  const keys: string[] = [];
  for await (const batch of instanceA.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...batch);
  if (keys.length > 0) await instanceA.unlink(keys);
  await Promise.all([instanceA.close(), instanceB.close()]);
});

describe("comment limits in Redis", () => {
  test("two instances count one client's comments together; other clients are not affected", async () => {
    const onA = commentLimiter({ client: instanceA, keyPrefix, limits });
    const onB = commentLimiter({ client: instanceB, keyPrefix, limits });
    for (const instance of [onA, onB, onA]) assert.equal((await instance.reserve("client-1")).granted, true);
    assert.equal((await onB.reserve("client-1")).granted, false);
    assert.equal((await onA.reserve("client-1")).granted, false);
    assert.equal((await onB.reserve("client-2")).granted, true);
  });

  test("a comment that was not stored gives its count back, and a refused one takes none", async () => {
    const onA = commentLimiter({ client: instanceA, keyPrefix, limits });
    const onB = commentLimiter({ client: instanceB, keyPrefix, limits });
    const first = await onA.reserve("client-3");
    await onB.reserve("client-3");
    await first.release();
    assert.equal((await onB.reserve("client-3")).granted, true);
    assert.equal((await onA.reserve("client-3")).granted, true);
    assert.equal((await onA.reserve("client-3")).granted, false);
    // Three stored comments in each window, whatever the refusals: the hourly count was not spent.
    assert.equal(await instanceA.get(`${keyPrefix}comments-per-minute:client-3`), "3");
    assert.equal(await instanceA.get(`${keyPrefix}comments-per-hour:client-3`), "3");
  });

  test("the insert is told no limit: Redis counted", async () => {
    const slot = await commentLimiter({ client: instanceA, keyPrefix, limits }).reserve("client-4");
    assert.deepEqual(slot.insertLimits, { perMinute: 0, perHour: 0 });
  });
});

describe("postComment with REDIS_URL", () => {
  const useRedis = () => {
    process.env.REDIS_URL = REDIS_URL;
    process.env.REDIS_KEY_PREFIX = keyPrefix;
    process.env.COMMENT_RATE_PER_MINUTE = "3";
  };
  const comment = (articleId: number) => ({ articleId, authorName: "قارئ", body: "تعليق عادي" });

  test("a client over the limit on another instance is refused here with the Arabic message, and nothing is stored", async () => {
    useRedis();
    const article = await createArticle();
    const otherInstance = commentLimiter({ client: instanceB, keyPrefix, limits: { perMinute: 3, perHour: 30 } });
    for (let index = 0; index < 3; index += 1) assert.equal((await otherInstance.reserve("client-5")).granted, true);
    await assert.rejects(postComment(comment(article.id), { fingerprint: "client-5" }), (error) => {
      assert.ok(error instanceof CommentRateLimitedError);
      assert.match(error.publicMessage, /^أرسلت تعليقات كثيرة في وقت قصير/);
      return true;
    });
    // The database holds none of this client's comments: only Redis could have refused it.
    assert.equal(await countComments(article.id), 0);
  });

  test("comments stored here count on the other instance; a closed article still says closed", async () => {
    useRedis();
    const article = await createArticle();
    const closed = await createArticle({ commentsOpen: false });
    for (let index = 0; index < 3; index += 1) await postComment(comment(article.id), { fingerprint: "client-6" });
    assert.equal((await commentLimiter({ client: instanceB, keyPrefix, limits }).reserve("client-6")).granted, false);
    await assert.rejects(postComment(comment(closed.id), { fingerprint: "client-6" }), CommentsClosedError);
    // Refused and closed posts took no count: the article's three comments are the client's only ones.
    assert.equal(await instanceA.get(`${keyPrefix}comments-per-minute:client-6`), "3");
    assert.equal(await countComments(article.id), 3);
  });
});

describe("without Redis", () => {
  test("without REDIS_URL the insert counts the limits in the database, as on one instance", async () => {
    delete process.env.REDIS_URL;
    process.env.COMMENT_RATE_PER_MINUTE = "4";
    const slot = await reserveCommentSlot("client-7");
    assert.deepEqual(
      { granted: slot.granted, insertLimits: slot.insertLimits },
      { granted: true, insertLimits: { perMinute: 4, perHour: 30 } },
    );
  });

  test("when Redis cannot be reached the database counts again, so the limits never lapse", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const slot = await reserveCommentSlot("client-8");
    assert.deepEqual(slot.insertLimits, { perMinute: 5, perHour: 30 });
  });
});

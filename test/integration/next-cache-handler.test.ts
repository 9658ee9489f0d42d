import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { createClient, type RedisClientType } from "redis";
import PortalCacheHandler from "../../lib/cache/handler.mjs";
import { closeSharedRedis } from "../../lib/db/redis.mjs";

/*
 * The Redis page cache as Next drives it (lib/cache/handler.mjs): what revalidatePath expires,
 * and an entry dated by when its render began. Like test/integration/rate-limits.test.ts, it needs
 * the Redis of the test environment (TEST_REDIS_URL, default 127.0.0.1:6379) and fails when there is
 * none. Its keys are deleted at the end.
 */
const REDIS_URL = process.env.TEST_REDIS_URL?.trim() || "redis://127.0.0.1:6379";
const keyPrefix = `${process.env.TEST_REDIS_KEY_PREFIX ?? "portal-test:"}${randomUUID()}:`;
const distDir = mkdtempSync(path.join(tmpdir(), "portal-next-"));
let inspector: RedisClientType;

// What Next stores for a section page: its tags name the path and every folder of its route.
const SECTION_TAGS = [
  "_N_T_/layout",
  "_N_T_/(site)/layout",
  "_N_T_/(site)/sections/[slug]/layout",
  "_N_T_/(site)/sections/[slug]/[[...page]]/page",
  "_N_T_/sections/news",
];
const sectionPage = (html: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from("rsc"),
  headers: { "x-next-cache-tags": SECTION_TAGS.join(",") },
  postponed: undefined,
  status: 200,
  segmentData: undefined,
});
const pageContext = (renderStartedAt: number) => ({
  cacheControl: { revalidate: 3600, expire: 31536000 },
  renderStartedAt,
});

before(async () => {
  process.env.REDIS_URL = REDIS_URL;
  process.env.REDIS_KEY_PREFIX = keyPrefix;
  writeFileSync(path.join(distDir, "BUILD_ID"), "test-build");
  inspector = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
  await inspector.connect().catch((error: unknown) => {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL to another server): ${String(error)}`);
  });
});
after(async () => {
  const keys: string[] = [];
  for await (const batch of inspector.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...batch);
  if (keys.length > 0) await inspector.unlink(keys);
  await inspector.close();
  await closeSharedRedis();
  rmSync(distDir, { recursive: true, force: true });
});

const newHandler = () => new PortalCacheHandler({ serverDistDir: path.join(distDir, "server"), dev: false });

describe("the Redis page cache", () => {
  test("a page stored by one instance is served by another, fresh for its revalidate period", async () => {
    const renderStartedAt = Date.now();
    await newHandler().set("/sections/news", sectionPage("<p>قائمة</p>"), pageContext(renderStartedAt));
    const entry = await newHandler().get("/sections/news", { kind: "APP_PAGE" });
    assert.equal(entry?.value?.html, "<p>قائمة</p>");
    assert.equal(entry?.lastModified, renderStartedAt);
    assert.deepEqual(entry?.cacheControl, { revalidate: 3600, expire: 5400 });
    assert.ok(
      await inspector.exists(`${keyPrefix}next:test-build:/sections/news`),
      "keys are named by the prefix and the build",
    );
  });

  test("revalidatePath of a route's folder, route group included, expires the page", async () => {
    await newHandler().set("/sections/sport", sectionPage("<p>رياضة</p>"), pageContext(Date.now()));
    await newHandler().revalidateTag(["_N_T_/(site)/sections/[slug]/layout"]);
    assert.equal(await newHandler().get("/sections/sport", { kind: "APP_PAGE" }), null);
  });

  test("a page whose render began before the expiry is stale when stored", async () => {
    const renderStartedAt = Date.now() - 1000;
    await newHandler().revalidateTag(["_N_T_/sections/news"]);
    await newHandler().set("/sections/news", sectionPage("<p>قبل التعديل</p>"), pageContext(renderStartedAt));
    assert.equal(await newHandler().get("/sections/news", { kind: "APP_PAGE" }), null);

    await newHandler().set("/sections/news", sectionPage("<p>بعد التعديل</p>"), pageContext(Date.now() + 1));
    assert.equal((await newHandler().get("/sections/news", { kind: "APP_PAGE" }))?.value?.html, "<p>بعد التعديل</p>");
  });
});

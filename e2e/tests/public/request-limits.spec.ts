import { ANONYMOUS, expect, test } from "../../fixtures";

const SEED_PATH = `/articles/${encodeURIComponent("الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان")}`;

test("a reader's oversized POST is refused before it is read, with a clear message, and nothing is stored", async ({ playwright, database }) => {
  const article = await database.createArticle();
  const path = `/articles/${encodeURIComponent(article.slug)}`;
  const client = await playwright.request.newContext(ANONYMOUS);
  const response = await client.post(path, {
    multipart: { authorName: "قارئ", body: "ت".repeat(200_000) },
    headers: { "next-action": "0".repeat(42) },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("الطلب أكبر من المسموح (٦٤ كيلوبايت كحد أقصى).");
  expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(await database.countComments(article.id)).toBe(0);
  await client.dispose();
});

test("a newsroom upload larger than the media limit is refused the same way", async ({ playwright }) => {
  const client = await playwright.request.newContext(ANONYMOUS);
  const response = await client.post("/admin/media", { data: Buffer.alloc(12 * 1024 * 1024), headers: { "content-type": "application/octet-stream" } });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("الطلب أكبر من المسموح");
  await client.dispose();
});

test("a reader's page of normal size still works; what the app computes carries a request id, a front proxy's kept", async ({ request }) => {
  const response = await request.get(SEED_PATH);
  expect(response.status()).toBe(200);
  // Served from Next's cache without running any of the app's code (proxy.ts's matcher): nothing to log.
  expect(response.headers()["x-request-id"]).toBeUndefined();
  const search = await request.get(`/search?q=${encodeURIComponent("كازاخستان")}`);
  expect(search.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const behindProxy = await request.get("/search?q=x", { headers: { "x-request-id": "nginx-5f2b9c01d4" } });
  expect(behindProxy.headers()["x-request-id"]).toBe("nginx-5f2b9c01d4");
});

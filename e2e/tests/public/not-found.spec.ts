import { expect, test } from "../../fixtures";
import { followNewLink } from "../../support/page-cache";

const NOT_FOUND_HEADING = "الصفحة غير موجودة";

test("an unknown article slug shows the 404 page", async ({ page }) => {
  const response = await page.goto(`/articles/${encodeURIComponent("مقال-غير-موجود")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  await expect(page.getByRole("link", { name: "العودة إلى الرئيسية" })).toBeVisible();
});

test("drafts and articles scheduled for later are not found", async ({ page, database }) => {
  const draft = await database.createArticle({ status: "DRAFT", publishedAt: null });
  const scheduled = await database.createArticle({ status: "SCHEDULED", publishedAt: new Date(Date.now() + 3_600_000) });
  for (const article of [draft, scheduled]) {
    const response = await page.goto(`/articles/${encodeURIComponent(article.slug)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
    await expect(page.getByText(article.headline)).toHaveCount(0);
  }
  await page.goto("/");
  await expect(page.getByText(draft.headline)).toHaveCount(0);
  await expect(page.getByText(scheduled.headline)).toHaveCount(0);
});

test("a scheduled article appears once its time has come", async ({ page, database }) => {
  const due = await database.createArticle({ status: "SCHEDULED", publishedAt: new Date(Date.now() - 1000) });
  await followNewLink(page, "/", due.headline);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(due.headline);
});

test("an address no route knows shows the same 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
});

test("a malformed address is a clear 400, not a server error", async ({ request }) => {
  const response = await request.get("/articles/%E0%A4%A");
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("الرابط يحتوي على ترميز غير صحيح");
});

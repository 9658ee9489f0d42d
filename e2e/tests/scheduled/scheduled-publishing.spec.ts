import { expect, test } from "../../fixtures";

// Runs alone, after every other test (playwright.config.ts): their fixtures expire every cached page
// whenever they write, which would hide whether the server expired these pages by itself.
test("a scheduled article goes live on the cached pages at its time, with nobody expiring them", async ({
  page,
  database,
}) => {
  const dueAt = new Date(Date.now() + 8_000);
  const scheduled = await database.createArticle({ status: "SCHEDULED", publishedAt: dueAt });
  const path = `/articles/${encodeURIComponent(scheduled.slug)}`;
  // Before its time: not found, and not on the home page; both answers are now in Next's cache.
  expect((await page.goto(path))?.status()).toBe(404);
  expect((await page.goto(path))?.headers()["x-nextjs-cache"]).toBe("HIT");
  await page.goto("/");
  await expect(page.getByRole("link", { name: scheduled.headline })).toHaveCount(0);

  await expect
    .poll(
      async () => {
        await page.goto("/");
        return page.getByRole("link", { name: scheduled.headline }).count();
      },
      { message: "the home page lists it once its time has come", timeout: 20_000 },
    )
    .toBe(1);
  expect(Date.now()).toBeGreaterThanOrEqual(dueAt.getTime());
  expect((await page.goto(path))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(scheduled.headline);
});

import { expect, test } from "../../fixtures";
import type { TestArticle } from "../../support/database";

test("an article lists related articles that share a tag, and not itself", async ({ page, database }) => {
  const slug = `وسم-مشترك-${Math.random().toString(36).slice(2, 8)}`;
  const first = await database.createArticle();
  const second = await database.createArticle();
  await database.tag(first.id, slug.replaceAll("-", " "), slug);
  await database.tag(second.id, slug.replaceAll("-", " "), slug);

  await page.goto(`/articles/${encodeURIComponent(first.slug)}`);
  const related = page.getByRole("region", { name: "أخبار ذات صلة" });
  await expect(related.getByRole("link", { name: second.headline })).toBeVisible();
  await expect(related.getByRole("link", { name: first.headline })).toHaveCount(0);
});

test("a tag page with more than a page of articles links to older ones, with stable addresses", async ({ page, database }) => {
  const slug = `أرشيف-${Math.random().toString(36).slice(2, 8)}`;
  const articles: TestArticle[] = [];
  for (let index = 0; index < 21; index++) {
    articles.push(await database.createArticle({ publishedAt: new Date(Date.now() - 2 * 24 * 60 * 60_000 - (index + 1) * 60_000) }));
  }
  for (const article of articles) await database.tag(article.id, slug.replaceAll("-", " "), slug);

  await page.goto(`/tags/${encodeURIComponent(slug)}`);
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(20);
  await expect(page.getByRole("link", { name: articles[20].headline })).toHaveCount(0);
  await page.getByRole("link", { name: "أخبار أقدم" }).click();
  await expect(page).toHaveURL(/\?before=/);
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("link", { name: articles[20].headline })).toBeVisible();
  await expect(page.getByRole("link", { name: "أخبار أقدم" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "العودة إلى الأحدث" })).toBeVisible();

  const malformed = await page.goto(`/tags/${encodeURIComponent(slug)}?before=yesterday`);
  expect(malformed?.status()).toBe(404);
});

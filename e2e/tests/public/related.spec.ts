import { expect, test } from "../../fixtures";

test("an article lists related articles that share a tag, and not itself", async ({ page, database }) => {
  const slug = `وسم-مشترك-${Math.random().toString(36).slice(2, 8)}`;
  const first = database.createArticle();
  const second = database.createArticle();
  database.tag(first.id, slug.replaceAll("-", " "), slug);
  database.tag(second.id, slug.replaceAll("-", " "), slug);

  await page.goto(`/articles/${encodeURIComponent(first.slug)}`);
  const related = page.getByRole("region", { name: "أخبار ذات صلة" });
  await expect(related.getByRole("link", { name: second.headline })).toBeVisible();
  await expect(related.getByRole("link", { name: first.headline })).toHaveCount(0);
});

import { expect, test } from "../../fixtures";
import { ArticleEditor } from "../../pages/article-editor";
import { authFile } from "../../support/users";

const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";

test("the origin site's ?p= links redirect permanently to the article, on any path", async ({ page, request }) => {
  for (const address of ["/?p=1101899", "/2022/01/12/some-old-path?p=1101899"]) {
    const response = await request.get(address, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(decodeURIComponent(response.headers().location ?? "")).toBe("/articles/الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان");
  }
  await page.goto("/?p=1101899");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_HEADLINE);
});

test("an unknown legacy id shows the 404 page", async ({ page }) => {
  const response = await page.goto("/?p=4242424242");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصفحة غير موجودة");
});

test.describe("a renamed article", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("its old address redirects permanently to the new one", async ({ page, request, database }) => {
    const article = await database.createArticle();
    await page.goto(`/admin/articles/${article.id}`);
    const editor = new ArticleEditor(page);
    await editor.field("الرابط").fill(`${article.slug}-محدث`);
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");

    const response = await request.get(`/articles/${encodeURIComponent(article.slug)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(decodeURIComponent(response.headers().location ?? "")).toBe(`/articles/${article.slug}-محدث`);
  });
});

import { ANONYMOUS, expect, test } from "../../fixtures";
import { ArticleEditor } from "../../pages/article-editor";
import { authFile } from "../../support/users";

const attack = (field: string) =>
  `${field} <img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`;

test.describe("an author's fields", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("render as text on the article page, and no injected script runs", async ({ page, browser }) => {
    const editor = new ArticleEditor(page);
    const headline = attack("عنوان");
    await editor.gotoNew();
    await editor.write({
      headline,
      status: "منشور",
      body: `${attack("فقرة")}\n\n> ${attack("اقتباس")}\n\n[رابط خبيث](javascript:window.__xss='link')`,
    });
    await editor.field("الموجز").fill(attack("موجز"));
    await editor.field("التعليق على الصورة").fill(attack("تعليق"));
    await editor.field("حقوق الصورة").fill(attack("حقوق"));
    await editor.field("الرابط").fill(`xss-${Math.random().toString(36).slice(2, 8)}`);
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");
    const slug = await editor.field("الرابط").inputValue();

    const reader = await browser.newContext(ANONYMOUS);
    const readerPage = await reader.newPage();
    const dialogs: string[] = [];
    readerPage.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await readerPage.goto(`/articles/${encodeURIComponent(slug)}`);
    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(headline);
    const article = readerPage.getByRole("article").first();
    for (const field of ["فقرة", "اقتباس", "موجز", "تعليق", "حقوق"]) await expect(article).toContainText(attack(field));
    await expect(article.locator("img[src=x], script")).toHaveCount(0);
    await expect(article.getByRole("link", { name: "رابط خبيث" })).toHaveCount(0);
    expect(await readerPage.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();

    await readerPage.goto("/");
    await readerPage.goto(`/search?q=${encodeURIComponent("عنوان")}`);
    expect(await readerPage.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await reader.close();
  });
});

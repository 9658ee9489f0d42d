import { ANONYMOUS, expect, test } from "../../fixtures";
import { followNewLink } from "../../support/page-cache";
import { ArticleEditor } from "../../pages/article-editor";
import { testPhoto } from "../../support/images";
import { authFile } from "../../support/users";

const unique = () => Math.random().toString(36).slice(2, 8);

test.describe("an editor", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("uploads a photo, writes and publishes an article with it, and readers find it on the home page", async ({
    page,
    browser,
  }) => {
    await page.goto("/admin/media");
    const upload = page.getByRole("form", { name: "رفع صورة" });
    await upload
      .getByLabel(/^الصورة/)
      .setInputFiles({ name: "summit.jpg", mimeType: "image/jpeg", buffer: await testPhoto(1800, 1000) });
    await upload.getByLabel(/^النص البديل/).fill("قادة عرب في قاعة القمة");
    await upload.getByRole("button", { name: "رفع" }).click();
    await expect(upload.getByRole("status")).toHaveText(/^رُفعت الصورة: \/media\/[a-z0-9-]+\/original-1800x1000\.jpg$/);
    const imageUrl = ((await upload.getByRole("status").textContent()) ?? "").split(": ")[1];

    const editor = new ArticleEditor(page);
    const headline = `قمة عربية طارئة ${unique()}`;
    await editor.gotoNew();
    await editor.write({
      headline,
      section: "متابعات",
      status: "منشور",
      body: "افتتحت القمة أعمالها صباح اليوم.\n\n## أبرز القرارات\n\n- وقف إطلاق النار\n- ممرات إنسانية\n\n> «لا بديل عن الحل السياسي»\n\nالتفاصيل في [البيان الرسمي](https://example.org/statement).",
    });
    await editor.field("الوسوم").fill("قمة، جامعة الدول العربية");
    await editor.field("رابط الصورة").fill(imageUrl);
    await editor.field("النص البديل").fill("قادة عرب في قاعة القمة");
    await editor.field("حقوق الصورة").fill("تصوير: فريق الموقع");
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");

    const reader = await browser.newContext(ANONYMOUS);
    const readerPage = await reader.newPage();
    await followNewLink(readerPage, "/", headline);
    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(headline);
    const body = readerPage.getByTestId("article-body");
    await expect(body.getByRole("heading", { level: 2 })).toHaveText("أبرز القرارات");
    await expect(body.getByRole("listitem")).toHaveText(["وقف إطلاق النار", "ممرات إنسانية"]);
    await expect(body.locator("blockquote")).toHaveText("«لا بديل عن الحل السياسي»");
    await expect(body.getByRole("link", { name: "البيان الرسمي" })).toHaveAttribute(
      "href",
      "https://example.org/statement",
    );
    // The article's own image: related articles below may carry another upload with the same text.
    const lead = readerPage
      .getByRole("article", { name: headline })
      .getByRole("img", { name: "قادة عرب في قاعة القمة" });
    await expect(lead).toBeVisible();
    await expect(lead).toHaveAttribute("width", "1800");
    await expect(lead).toHaveAttribute("height", "1000");
    await expect(lead).toHaveAttribute(
      "srcset",
      new RegExp(`/480\\.webp 480w, .*/960\\.webp 960w, .*/1600\\.webp 1600w, ${imageUrl} 1800w`),
    );
    expect(await lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const served = await readerPage.request.get(imageUrl);
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    await expect(readerPage.getByRole("article", { name: headline }).locator("figcaption")).toContainText(
      "تصوير: فريق الموقع",
    );
    await expect(readerPage.getByRole("navigation", { name: "الوسوم" }).getByRole("link")).toHaveText([
      "جامعة الدول العربية",
      "قمة",
    ]);
    await readerPage.getByRole("link", { name: "قمة", exact: true }).click();
    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText("قمة");
    await expect(readerPage.getByRole("link", { name: headline })).toBeVisible();
    await reader.close();
  });

  test("closes comments and the reader sees the notice at once and cannot comment", async ({
    page,
    browser,
    database,
  }) => {
    const article = await database.createArticle();
    const reader = await browser.newContext(ANONYMOUS);
    const readerPage = await reader.newPage();
    await readerPage.goto(`/articles/${encodeURIComponent(article.slug)}`);
    await expect(readerPage.getByRole("form", { name: "أضف تعليقًا" })).toBeVisible();

    await page.goto(`/admin/articles/${article.id}`);
    await page.getByRole("button", { name: "إغلاق التعليقات" }).click();
    await expect(page.getByRole("button", { name: "فتح التعليقات" })).toBeVisible();

    await readerPage.reload();
    await expect(readerPage.locator("#comments").getByText("التعليقات مغلقة", { exact: true })).toBeVisible();
    await expect(readerPage.getByRole("form", { name: "أضف تعليقًا" })).toHaveCount(0);
    await reader.close();
  });

  test("previews a draft that readers cannot reach", async ({ page, browser }) => {
    const editor = new ArticleEditor(page);
    const headline = `مسودة سرية ${unique()}`;
    await editor.gotoNew();
    await editor.write({ headline, body: "نص لم يُنشر بعد." });
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");
    const slug = await editor.field("الرابط").inputValue();

    await page.getByRole("link", { name: "معاينة" }).click();
    await expect(page.getByRole("note")).toContainText("معاينة");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(page.getByTestId("article-body")).toHaveText("نص لم يُنشر بعد.");

    const reader = await browser.newContext(ANONYMOUS);
    const response = await (await reader.newPage()).goto(`/articles/${encodeURIComponent(slug)}`);
    expect(response?.status()).toBe(404);
    await reader.close();
  });

  test("restores an earlier revision, and readers see that text again", async ({ page, browser, database }) => {
    const article = await database.createArticle();
    const edited = `${article.headline} بعد التعديل`;
    await page.goto(`/admin/articles/${article.id}`);
    const editor = new ArticleEditor(page);
    await editor.field("العنوان").fill(edited);
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");

    const revisions = page.getByRole("region", { name: "المراجعات" }).getByRole("listitem");
    await expect(revisions).toHaveCount(2);
    await expect(revisions.first()).toContainText(`${edited} (النسخة الحالية)`);
    await revisions.filter({ hasText: "الاستيراد" }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.headline);
    await page.getByRole("button", { name: "استعادة هذه النسخة" }).click();
    await expect(page.getByRole("status")).toHaveText("استُعيدت النسخة السابقة.");
    await expect(editor.field("العنوان")).toHaveValue(article.headline);

    const reader = await browser.newContext(ANONYMOUS);
    const readerPage = await reader.newPage();
    await readerPage.goto(`/articles/${encodeURIComponent(article.slug)}`);
    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(article.headline);
    await reader.close();
  });

  test("moves an article to the trash, which removes it for readers, and restores it", async ({
    page,
    request,
    database,
  }) => {
    const article = await database.createArticle();
    await page.goto(`/admin/articles/${article.id}`);
    await page.getByRole("button", { name: "نقل إلى المهملات" }).click();
    await expect(page.getByRole("button", { name: "استعادة من المهملات" })).toBeVisible();
    expect((await request.get(`/articles/${encodeURIComponent(article.slug)}`)).status()).toBe(404);

    await page.getByRole("button", { name: "استعادة من المهملات" }).click();
    await expect(page.getByRole("button", { name: "نقل إلى المهملات" })).toBeVisible();
    expect((await request.get(`/articles/${encodeURIComponent(article.slug)}`)).status()).toBe(200);
  });

  test("is told what is wrong and keeps what was written when a save is refused", async ({ page }) => {
    const editor = new ArticleEditor(page);
    await editor.gotoNew();
    await editor.write({ headline: "", body: "نص طويل كتبه المحرر ولا يجب أن يضيع.", status: "مجدول" });
    await editor.save();
    await expect(editor.form.getByRole("alert")).toBeVisible();
    await expect(editor.field("العنوان")).toHaveAccessibleDescription("اكتب العنوان.");
    await expect(editor.field("موعد النشر")).toHaveAccessibleDescription(/حدّد موعد النشر للمقال المجدول\./);
    await expect(editor.field("نص المقال")).toHaveValue("نص طويل كتبه المحرر ولا يجب أن يضيع.");
  });
});

test.describe("an author", () => {
  test.use({ storageState: authFile("AUTHOR") });

  test("can save a draft but is offered no way to publish it", async ({ page }) => {
    const editor = new ArticleEditor(page);
    await editor.gotoNew();
    await expect(editor.field("الحالة").locator("option")).toHaveText(["مسودة"]);
    await editor.write({ headline: `مسودة كاتبة ${unique()}`, body: "فقرة." });
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");
    await expect(page.getByRole("button", { name: "إغلاق التعليقات" })).toHaveCount(0);
  });
});

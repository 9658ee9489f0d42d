import { ANONYMOUS, expect, test } from "../../fixtures";
import { ArticlePage } from "../../pages/article-page";
import { authFile } from "../../support/users";

const unique = () => Math.random().toString(36).slice(2, 8);

test.describe("comment moderation", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("a held comment is shown only to its writer, then approved and shown to every reader", async ({
    page,
    browser,
    database,
  }) => {
    const article = await database.createArticle();
    const text = `سؤال للمحرر ${unique()}`;

    const writer = await browser.newContext(ANONYMOUS);
    const writerPage = new ArticlePage(await writer.newPage());
    await writerPage.goto(article.slug);
    await writerPage.writeComment({ name: "قارئ جديد", body: text });
    await writerPage.submitButton.click();
    await expect(writerPage.commentForm.getByRole("status")).toHaveText("شكرًا لك، سيظهر تعليقك للقرّاء بعد مراجعته.");
    await expect(writerPage.comment(text)).toContainText("تعليقك بانتظار المراجعة");
    await expect(writerPage.commentsHeading).toHaveText("التعليقات (٠)");

    const stranger = await browser.newContext(ANONYMOUS);
    const strangerPage = new ArticlePage(await stranger.newPage());
    await strangerPage.goto(article.slug);
    await expect(strangerPage.comments.getByText(text)).toHaveCount(0);

    await page.goto("/admin/comments");
    await expect(page.getByRole("navigation", { name: "غرفة الأخبار" })).toContainText(/بانتظار المراجعة: [١-٩][٠-٩]*/);
    const item = page.getByRole("listitem").filter({ hasText: text });
    await item.getByRole("button", { name: "موافقة" }).click();
    await expect(page.getByRole("status")).toHaveText("تم تحديث التعليقات.");
    await expect(page.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);

    await strangerPage.page.reload();
    await expect(strangerPage.comment(text)).toBeVisible();
    await expect(strangerPage.commentsHeading).toHaveText("التعليقات (١)");
    await writerPage.page.reload();
    await expect(writerPage.comment(text)).not.toContainText("بانتظار المراجعة");
    await writer.close();
    await stranger.close();
  });

  test("several comments are marked as spam at once", async ({ page, database }) => {
    const article = await database.createArticle();
    const texts = [`إعلان مزعج ${unique()}`, `إعلان مزعج آخر ${unique()}`];
    const ids: number[] = [];
    for (const body of texts) ids.push(await database.createComment(article.id, { status: "PENDING", body }));

    await page.goto("/admin/comments?status=PENDING");
    for (const text of texts) await page.getByRole("listitem").filter({ hasText: text }).getByRole("checkbox").check();
    await page.getByLabel("مع المحدد:").selectOption({ label: "مزعج" });
    await page.getByRole("button", { name: "تطبيق" }).click();
    await expect(page.getByRole("status")).toHaveText("تم تحديث التعليقات.");

    expect(await Promise.all(ids.map((id) => database.commentStatus(id)))).toEqual(["SPAM", "SPAM"]);
    await page.getByRole("link", { name: /^مزعجة/ }).click();
    for (const text of texts) await expect(page.getByRole("listitem").filter({ hasText: text })).toBeVisible();
  });

  test("a commenter whose address already has an approved comment is published at once", async ({
    browser,
    database,
  }) => {
    const earlier = await database.createArticle();
    const email = `returning-${unique()}@example.com`;
    await database.createComment(earlier.id, { status: "APPROVED", email, body: "تعليق قديم" });
    const article = await database.createArticle();

    const reader = await browser.newContext(ANONYMOUS);
    const readerPage = new ArticlePage(await reader.newPage());
    await readerPage.goto(article.slug);
    await readerPage.writeComment({ name: "قارئة دائمة", email, body: "تعليق ينشر فورًا" });
    await readerPage.submitButton.click();
    await expect(readerPage.commentForm.getByRole("status")).toHaveText("شكرًا لك، نُشر تعليقك.");
    await expect(readerPage.commentsHeading).toHaveText("التعليقات (١)");
    await reader.close();
  });
});

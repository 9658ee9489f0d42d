import type { Page } from "@playwright/test";
import { ANONYMOUS, expect, test } from "../../fixtures";
import { ArticleEditor } from "../../pages/article-editor";
import { authFile } from "../../support/users";
import { followNewLink, SHARED_PAGE_FOLLOWS } from "../../support/page-cache";

const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * Visits the page until Next serves it from its cache (`x-nextjs-cache: HIT`): the change that
 * follows must then expire it, or the reader would go on seeing the cached copy. (Fixtures of other
 * tests running alongside may expire every page at any time, hence the retries.)
 */
async function expectServedFromCache(reader: Page, path: string) {
  await expect
    .poll(async () => (await reader.request.get(path)).headers()["x-nextjs-cache"], {
      message: `${path} served from the cache`,
      timeout: 15_000,
    })
    .toBe("HIT");
}

async function feedTitles(reader: Page): Promise<string> {
  return (await reader.request.get("/feed.xml")).text();
}

async function sitemapText(reader: Page): Promise<string> {
  return (await reader.request.get("/sitemap.xml")).text();
}

/**
 * The headlines a shared list page links to; such pages are checked to follow within
 * SHARED_PAGE_FOLLOWS. The article page, which only this test reads, is checked at once.
 */
async function linkedHeadlines(reader: Page, path: string): Promise<string[]> {
  await reader.goto(path);
  return reader.getByRole("main").getByRole("link").allTextContents();
}

test.describe("cached reader pages", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("follow an edit at once, and drop an unpublished article from every list", async ({ page, browser }) => {
    const tag = `وسم-${unique()}`;
    const headline = `خبر قبل التعديل ${unique()}`;
    const editor = new ArticleEditor(page);
    await editor.gotoNew();
    await editor.write({ headline, section: "متابعات", status: "منشور", body: "نص الخبر الأول." });
    await editor.field("الوسوم").fill(tag);
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");
    // Without the "?saved=1" the creation left, whose notice would read like the next save's answer.
    const editorUrl = page.url().replace(/\?.*$/, "");

    const reader = await (await browser.newContext(ANONYMOUS)).newPage();
    await followNewLink(reader, "/", headline);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
    const articlePath = new URL(reader.url()).pathname;
    const sectionPath = new URL(
      (await reader.getByRole("link", { name: "متابعات" }).first().getAttribute("href")) ?? "",
      reader.url(),
    ).pathname;
    const tagPath = new URL(
      (await reader.getByRole("link", { name: tag, exact: true }).getAttribute("href")) ?? "",
      reader.url(),
    ).pathname;
    const lists = ["/", sectionPath, tagPath];
    for (const path of [articlePath, ...lists, "/feed.xml", "/sitemap.xml"]) await expectServedFromCache(reader, path);
    expect(await sitemapText(reader)).toContain(articlePath);

    const edited = `خبر بعد التعديل ${unique()}`;
    await page.goto(editorUrl);
    await editor.field("العنوان").fill(edited);
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");

    await reader.goto(articlePath);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(edited);
    for (const path of lists) {
      await expect.poll(() => linkedHeadlines(reader, path), SHARED_PAGE_FOLLOWS).toContain(edited);
      expect(await linkedHeadlines(reader, path)).not.toContain(headline);
    }
    await expect.poll(() => feedTitles(reader), SHARED_PAGE_FOLLOWS).toContain(edited);

    await page.goto(editorUrl);
    await editor.field("الحالة").selectOption({ label: "مسودة" });
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");

    expect((await reader.goto(articlePath))?.status()).toBe(404);
    for (const path of lists) {
      await expect.poll(() => linkedHeadlines(reader, path), SHARED_PAGE_FOLLOWS).not.toContain(edited);
    }
    await expect.poll(() => feedTitles(reader), SHARED_PAGE_FOLLOWS).not.toContain(edited);
    await expect.poll(() => sitemapText(reader), SHARED_PAGE_FOLLOWS).not.toContain(articlePath);
    await reader.context().close();
  });

  test("show a newly approved comment at once", async ({ page, browser, database }) => {
    const article = await database.createArticle();
    const articlePath = `/articles/${encodeURIComponent(article.slug)}`;
    const text = `تعليق ينتظر الموافقة ${unique()}`;
    await database.createComment(article.id, { status: "PENDING", body: text });

    const reader = await (await browser.newContext(ANONYMOUS)).newPage();
    await expectServedFromCache(reader, articlePath);
    await reader.goto(articlePath);
    await expect(reader.getByText(text)).toHaveCount(0);

    await page.goto("/admin/comments?status=PENDING");
    await page.getByRole("listitem").filter({ hasText: text }).getByRole("button", { name: "موافقة" }).click();
    await expect(page.getByRole("status")).toHaveText("تم تحديث التعليقات.");

    await reader.goto(articlePath);
    await expect(reader.locator("#comments").getByRole("listitem").filter({ hasText: text })).toBeVisible();
    await expect(reader.getByRole("heading", { name: "التعليقات (١)" })).toBeVisible();
    await reader.context().close();
  });

  test("are one copy for every reader: no session, cookie or nonce in them", async ({ browser, database }) => {
    const article = await database.createArticle();
    const path = `/articles/${encodeURIComponent(article.slug)}`;
    const first = await (await browser.newContext(ANONYMOUS)).newPage();
    await expectServedFromCache(first, path);
    const response = await first.request.get(path);
    expect(response.headers()["set-cookie"]).toBeUndefined();
    expect(response.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=2, stale-while-revalidate=5");
    expect(await response.text()).not.toContain("nonce=");
    await first.context().close();
  });

  test("answer a reader's conditional request with 304 until the page changes, then with the new page", async ({
    browser,
    database,
  }) => {
    const article = await database.createArticle();
    const path = `/articles/${encodeURIComponent(article.slug)}`;
    const reader = await (await browser.newContext(ANONYMOUS)).newPage();
    await expectServedFromCache(reader, path);
    const etag = (await reader.request.get(path)).headers()["etag"];
    expect(etag).toMatch(/^"[0-9a-z]+"$/);
    const unchanged = await reader.request.get(path, { headers: { "if-none-match": etag } });
    expect(unchanged.status()).toBe(304);

    await database.setCommentsOpen(article.id, false);
    const changed = await reader.request.get(path, { headers: { "if-none-match": etag } });
    expect(changed.status()).toBe(200);
    expect(changed.headers()["etag"]).not.toBe(etag);
    expect(await changed.text()).toContain("التعليقات مغلقة");
    await reader.context().close();
  });
});

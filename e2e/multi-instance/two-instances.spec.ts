import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { ANONYMOUS, expect, test } from "../fixtures";
import { ArticleEditor } from "../pages/article-editor";
import { ArticlePage } from "../pages/article-page";
import { SignInPage } from "../pages/sign-in-page";
import { TEST_USERS } from "../support/users";
import { countComments } from "./database";
import { commentsPerMinuteCounters } from "./redis";
import { COMMENTS_PER_MINUTE, firstInstance, secondInstance } from "./settings";

/*
 * Two instances of the portal, one database, one Redis (playwright.config.ts beside this file):
 * what one instance changes, the other serves at once; its sessions and comment limits hold on both.
 * "At once" means the next request, with no waiting: each change expires the shared cache before
 * its action answers.
 */

const CLOSED = "أُغلق باب التعليق على هذا المقال، ولم يُحفظ تعليقك.";
const RATE_LIMITED = /^أرسلت تعليقات كثيرة في وقت قصير/;
const unique = () => Math.random().toString(36).slice(2, 8);

async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  return (await browser.newContext({ ...ANONYMOUS, ...options })).newPage();
}

async function signInAsEditor(page: Page, instance: string): Promise<void> {
  const signIn = new SignInPage(page);
  await page.goto(`${instance}/admin/sign-in`);
  await signIn.signIn(TEST_USERS.EDITOR.email, TEST_USERS.EDITOR.password);
  await expect(page.getByRole("heading", { level: 1, name: "المقالات" })).toBeVisible();
}

/** Publishes a new article through `instance`'s newsroom; returns its id (from the editor's address). */
async function publishArticle(editorPage: Page, instance: string, headline: string): Promise<number> {
  const editor = new ArticleEditor(editorPage);
  await editorPage.goto(`${instance}/admin/articles/new`);
  await editor.write({ headline, section: "متابعات", status: "منشور", body: "نص الخبر." });
  await editor.save();
  await expect(editorPage.getByRole("status")).toHaveText("حُفظ المقال.");
  return Number(new URL(editorPage.url()).pathname.split("/").at(-1));
}

/** The article's address, as a reader finds it: by its headline on `instance`'s home page. */
async function articlePathFromHome(reader: Page, instance: string, headline: string): Promise<string> {
  await reader.goto(`${instance}/`);
  const link = reader.getByRole("main").getByRole("link", { name: headline });
  await expect(link, `${instance}/ lists the article`).toBeVisible();
  return new URL((await link.getAttribute("href")) ?? "", reader.url()).pathname;
}

async function cacheStatus(reader: Page, url: string): Promise<string | undefined> {
  return (await reader.request.get(url)).headers()["x-nextjs-cache"];
}

test("a session made on one instance is valid on the other", async ({ browser }) => {
  const anonymous = await newPage(browser);
  await anonymous.goto(`${secondInstance}/admin`);
  await expect(anonymous).toHaveURL(/\/admin\/sign-in/);

  const editorPage = await newPage(browser);
  await signInAsEditor(editorPage, firstInstance);
  // Cookies belong to the host, not the port: the second instance gets the same session cookie.
  expect(
    (await editorPage.context().cookies(secondInstance)).some((cookie) => cookie.name.startsWith("newsroom")),
  ).toBe(true);
  await editorPage.goto(`${secondInstance}/admin`);
  await expect(editorPage.getByRole("heading", { level: 1, name: "المقالات" })).toBeVisible();
  await Promise.all([anonymous.context().close(), editorPage.context().close()]);
});

test("an article published on one instance, and edited on the other, is served by both at once", async ({
  browser,
}) => {
  const reader = await newPage(browser);
  // The second instance's home and section page are cached before the article exists: publishing
  // must expire them (the section by its route's folder, "/(site)/sections/[slug]").
  const sectionPage = `${secondInstance}/sections/${encodeURIComponent("متابعات")}`;
  for (const url of [`${secondInstance}/`, sectionPage]) {
    await expect
      .poll(() => cacheStatus(reader, url), { message: `${url} served from the cache`, timeout: 30_000 })
      .toBe("HIT");
  }

  const editorPage = await newPage(browser);
  await signInAsEditor(editorPage, firstInstance);
  const headline = `خبر من النسخة الأولى ${unique()}`;
  const articleId = await publishArticle(editorPage, firstInstance, headline);

  const articlePath = await articlePathFromHome(reader, secondInstance, headline);
  await reader.goto(sectionPage);
  await expect(reader.getByRole("main").getByRole("link", { name: headline })).toBeVisible();
  await reader.goto(`${secondInstance}${articlePath}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  // One cache: the page the second instance just rendered is what the first serves.
  expect(await cacheStatus(reader, `${firstInstance}${articlePath}`)).toBe("HIT");

  const edited = `خبر عُدّل في النسخة الثانية ${unique()}`;
  const editor = new ArticleEditor(editorPage);
  await editorPage.goto(`${secondInstance}/admin/articles/${articleId}`);
  await editor.field("العنوان").fill(edited);
  await editor.save();
  await expect(editorPage.getByRole("status")).toHaveText("حُفظ المقال.");

  await reader.goto(`${firstInstance}${articlePath}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(edited);
  await reader.goto(`${firstInstance}/`);
  await expect(reader.getByRole("link", { name: edited })).toBeVisible();
  await expect(reader.getByRole("link", { name: headline })).toHaveCount(0);
  await Promise.all([reader.context().close(), editorPage.context().close()]);
});

test.describe("comments without JavaScript", () => {
  test("comments closed on one instance are refused on the other, and nothing is stored", async ({ browser }) => {
    const editorPage = await newPage(browser);
    await signInAsEditor(editorPage, firstInstance);
    const headline = `خبر تُغلق تعليقاته ${unique()}`;
    const articleId = await publishArticle(editorPage, firstInstance, headline);

    const readerPage = await newPage(browser, { javaScriptEnabled: false });
    const article = new ArticlePage(readerPage);
    await readerPage.goto(`${secondInstance}${await articlePathFromHome(readerPage, secondInstance, headline)}`);
    await article.writeComment({ name: "قارئ", body: "تعليق بعد الإغلاق" });

    await editorPage.goto(`${firstInstance}/admin/articles/${articleId}`);
    await editorPage.getByRole("button", { name: "إغلاق التعليقات" }).click();
    await expect(editorPage.getByRole("button", { name: "فتح التعليقات" })).toBeVisible();

    await article.submitButton.click();
    await expect(article.comments.getByRole("alert")).toHaveText(CLOSED);
    await expect(article.closedNotice).toBeVisible();
    expect(await countComments(articleId)).toBe(0);
    // And the second instance's page for every reader now says so.
    await readerPage.reload();
    await expect(article.closedNotice).toBeVisible();
    await expect(article.commentForm).toHaveCount(0);
    await Promise.all([readerPage.context().close(), editorPage.context().close()]);
  });

  test("one client's comments count against the limit on both instances together", async ({ browser }) => {
    const editorPage = await newPage(browser);
    await signInAsEditor(editorPage, firstInstance);
    const headline = `خبر يكثر التعليق عليه ${unique()}`;
    const articleId = await publishArticle(editorPage, firstInstance, headline);
    await editorPage.context().close();

    // A user agent of its own: the limit counts per client (address and user agent).
    const readerPage = await newPage(browser, {
      javaScriptEnabled: false,
      userAgent: `multi-instance-reader-${unique()}`,
    });
    const article = new ArticlePage(readerPage);
    const articlePath = await articlePathFromHome(readerPage, firstInstance, headline);
    const instances = [firstInstance, secondInstance];
    for (let index = 0; index < COMMENTS_PER_MINUTE; index += 1) {
      await readerPage.goto(`${instances[index % 2]}${articlePath}`);
      await article.writeComment({ name: "قارئ", body: `تعليق رقم ${index + 1}` });
      await article.submitButton.click();
      await expect(article.commentForm.getByRole("status")).toContainText("شكرًا لك");
    }

    const overLimit = instances[COMMENTS_PER_MINUTE % 2];
    await readerPage.goto(`${overLimit}${articlePath}`);
    await article.writeComment({ name: "قارئ", body: "تعليق فوق الحد" });
    await article.submitButton.click();
    await expect(article.commentForm.getByRole("alert")).toHaveText(RATE_LIMITED);
    await expect(article.bodyField).toHaveValue("تعليق فوق الحد");
    expect(await countComments(articleId)).toBe(COMMENTS_PER_MINUTE);
    // Counted in Redis, where both instances read the same counter.
    expect(await commentsPerMinuteCounters()).toContain(String(COMMENTS_PER_MINUTE));
    await readerPage.context().close();
  });
});

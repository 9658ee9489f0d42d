import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { ANONYMOUS, expect, test } from "../../fixtures";
import { E2E_DATABASE_URL } from "../../support/paths";
import { E2E_APP_SECRET, E2E_BASE_URL } from "../../support/server";

// The fixture export (a small news site) imported once, by the command an operator runs, into the
// e2e server's database; then what readers meet of it.
const EXPORT = path.join("test", "fixtures", "wordpress", "export-1.2.xml");
const SUMMIT = "القمة الاقتصادية تنطلق في الرياض";
const CLOSED = "إغلاق باب التعليق على ملف الحدود";

test.describe.configure({ mode: "serial" });
test.use(ANONYMOUS);

test.beforeAll(async () => {
  const uploads = mkdtempSync(path.join(tmpdir(), "e2e-uploads-"));
  mkdirSync(path.join(uploads, "2024", "01"), { recursive: true });
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#2a6f97" } })
    .jpeg()
    .toFile(path.join(uploads, "2024", "01", "summit.jpg"));
  await promisify(execFile)(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/cli/import-wordpress.ts", EXPORT, "--media", uploads, "--report", path.join(uploads, "report.json")],
    { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, APP_SECRET: E2E_APP_SECRET, PORTAL_URL: E2E_BASE_URL } },
  );
});

test("a reader sees an imported article with its lead image, body blocks, threaded replies and count", async ({ page, articlePage }) => {
  await articlePage.goto("القمة-الاقتصادية");
  await expect(articlePage.headline).toHaveText(SUMMIT);
  const lead = articlePage.article.getByRole("img", { name: "قاعة القمة" }).first();
  await expect(lead).toHaveAttribute("src", /^\/media\/[a-z0-9-]+\/original-1600x1000\.jpg$/);
  expect(await lead.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const body = page.getByTestId("article-body");
  await expect(body.getByRole("heading", { level: 2, name: "ملفات على الطاولة" })).toBeVisible();
  await expect(body.getByRole("listitem")).toHaveText(["الطاقة المتجددة", "التجارة البينية"]);
  await expect(body.locator("blockquote")).toContainText("«نريد سوقًا مشتركة»");
  await expect(body).not.toContainText("alert");
  // Three approved comments, the two replies each under the one it answers; held, spam and trash unseen.
  await expect(articlePage.commentsHeading).toHaveText("التعليقات (٣)");
  const first = articlePage.comments.locator(".comment-list > .comment");
  await expect(first).toHaveCount(1);
  await expect(first.locator("> .comment-body")).toHaveText("خبر مهم، شكرًا.");
  const reply = first.locator("> .comment-replies > .comment");
  await expect(reply.locator("> .comment-body")).toHaveText("وماذا عن الأسعار؟");
  await expect(reply.locator("> .comment-replies > .comment > .comment-body")).toHaveText("ردًا على ليلى: أتفق معك.");
  await expect(articlePage.comments).not.toContainText("buy now");
  await expect(articlePage.comments).not.toContainText("بانتظار المراجعة");
});

test("an imported closed article shows no form and refuses a comment", async ({ articlePage, page }) => {
  await articlePage.goto("closed-file");
  await expect(articlePage.headline).toHaveText(CLOSED);
  await expect(articlePage.closedNotice).toBeVisible();
  await expect(articlePage.commentForm).toHaveCount(0);
  await expect(articlePage.comment("تعليق قبل الإغلاق")).toBeVisible();
  // Its old comment has no reply link to a form: the reply page says it is closed too.
  await page.goto(await articlePage.comment("تعليق قبل الإغلاق").getByRole("link", { name: /^ردّ/ }).getAttribute("href") ?? "/");
  await expect(page.getByText("التعليقات مغلقة", { exact: true })).toBeVisible();
  await expect(page.getByRole("form")).toHaveCount(0);
});

test("every old address of the export redirects permanently to a page with the right headline", async ({ request, database }) => {
  const addresses = await database.legacyAddresses();
  expect(addresses.length).toBeGreaterThanOrEqual(8);
  const links = [
    ...addresses.flatMap(({ path: address, headline, target }) => {
      const encoded = address.split("/").map(encodeURIComponent).join("/");
      return [
        { from: `${encoded}/`, headline, target },
        { from: address, headline, target },
      ];
    }),
    { from: "/?p=101", headline: SUMMIT, target: null },
    { from: "/2024/01/12/%d8%a7%d9%84%d9%82%d9%85%d8%a9-%d8%a7%d9%84%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af%d9%8a%d8%a9/", headline: SUMMIT, target: null },
  ];
  for (const { from, headline, target } of links) {
    // Next drops a trailing slash first (a 308 of its own), then the old address redirects.
    let location = from;
    const hops: number[] = [];
    for (let answer = await request.get(location, { maxRedirects: 0 }); answer.status() !== 200; ) {
      hops.push(answer.status());
      expect(hops.length, `${from}: ${hops.join(" → ")}`).toBeLessThanOrEqual(2);
      location = answer.headers().location;
      answer = await request.get(location, { maxRedirects: 0 });
    }
    expect(hops.every((status) => status === 308) && hops.length > 0, `${from}: ${hops.join(" → ")}`).toBe(true);
    if (target) expect(location, from).toBe(target);
    const page = await (await request.get(location)).text();
    if (headline) expect(page, from).toContain(headline);
  }
  expect((await request.get("/2024/01/12/no-such-post/")).status()).toBe(404);
  expect((await request.get("/2024/01/12/no-such-post", { maxRedirects: 0 })).status()).toBe(404);
});

test("an imported page is at its own address, listed in the footer, and its old addresses lead to it", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "صفحات الموقع" }).getByRole("link", { name: "من نحن" }).click();
  await expect(page).toHaveURL(/\/pages\/about$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("من نحن");
  await expect(page.getByTestId("article-body")).toHaveText("موقع أخبار المنطقة.");
  const byId = await request.get("/?page_id=110", { maxRedirects: 0 });
  expect(byId.status()).toBe(308);
  expect(byId.headers().location).toBe("/pages/about");
  const byPath = await request.get("/about", { maxRedirects: 0 });
  expect(byPath.status()).toBe(308);
  expect(byPath.headers().location).toBe("/pages/about");
});

test.describe("replying to an imported comment", () => {
  test("with JavaScript: the reply is published under the comment it answers", async ({ page, articlePage }) => {
    await articlePage.goto("القمة-الاقتصادية");
    await articlePage.comment("خبر مهم، شكرًا.").getByRole("link", { name: "ردّ على ليلى" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("الرد على تعليق");
    const form = page.getByRole("form", { name: "ردّك" });
    await form.getByLabel("الاسم").fill("ليلى");
    // The address of an approved commenter: published at once.
    await form.getByLabel(/البريد الإلكتروني/).fill("layla@readers.example");
    await form.getByLabel("التعليق").fill("ردّ من الصفحة مع جافاسكربت");
    await form.getByRole("button", { name: "أرسل التعليق" }).click();
    await expect(form.getByRole("status")).toHaveText("شكرًا لك، نُشر تعليقك.");
    await articlePage.goto("القمة-الاقتصادية");
    const first = articlePage.comments.locator(".comment-list > .comment").first();
    await expect(first.locator("> .comment-replies > .comment > .comment-body")).toContainText([
      "وماذا عن الأسعار؟",
      "ردّ من الصفحة مع جافاسكربت",
    ]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the reply form posts and the article page comes back with the reply in its thread", async ({ page, articlePage }) => {
      await articlePage.goto("القمة-الاقتصادية");
      await articlePage.comment("وماذا عن الأسعار؟").getByRole("link", { name: "ردّ على نادر" }).click();
      const form = page.getByRole("form", { name: "ردّك" });
      await form.getByLabel("الاسم").fill("خالد");
      await form.getByLabel(/البريد الإلكتروني/).fill("layla@readers.example");
      await form.getByLabel("التعليق").fill("ردّ بلا جافاسكربت");
      await form.getByRole("button", { name: "أرسل التعليق" }).click();
      await expect(page).toHaveURL(/\/articles\/.+#comment-published$/);
      const thread = articlePage.comment("وماذا عن الأسعار؟").first().locator("> .comment-replies");
      await expect(thread).toContainText("ردّ بلا جافاسكربت");
    });
  });
});

import type { Page } from "@playwright/test";
import { ANONYMOUS, expect, test } from "../../fixtures";
import { ArticleEditor } from "../../pages/article-editor";
import { authFile } from "../../support/users";
import { sourcePath } from "../../../lib/paths";
import { slugify } from "../../../lib/slug";

const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";
const ISO_WITH_TIMEZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type JsonObject = Record<string, unknown>;

/** The page's one JSON-LD block, parsed. */
async function jsonLd(page: Page): Promise<JsonObject> {
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  return JSON.parse((await scripts.textContent()) ?? "") as JsonObject;
}

const meta = (page: Page, attribute: "property" | "name", key: string) => page.locator(`meta[${attribute}="${key}"]`);

function expectDateWithTimezone(value: unknown) {
  expect(value).toEqual(expect.stringMatching(ISO_WITH_TIMEZONE));
  expect(Number.isNaN(new Date(String(value)).getTime())).toBe(false);
}

test("the seeded article describes itself to search engines and social networks", async ({ page, articlePage }) => {
  await page.goto("/");
  await page.getByRole("link", { name: SEED_HEADLINE, exact: true }).click();
  await expect(articlePage.headline).toHaveText(SEED_HEADLINE);
  const path = decodeURIComponent(new URL(page.url()).pathname);

  const data = await jsonLd(page);
  expect(data["@context"]).toBe("https://schema.org");
  expect(data["@type"]).toBe("NewsArticle");
  expect(data.headline).toBe(await articlePage.headline.textContent());
  expect(data.inLanguage).toBe("ar");
  expectDateWithTimezone(data.datePublished);
  expectDateWithTimezone(data.dateModified);
  expect(decodeURIComponent(new URL(String(data.mainEntityOfPage)).pathname)).toBe(path);

  const author = data.author as JsonObject;
  expect(author["@type"]).toBe("Organization");
  expect(author.name).toBe("المناطق_متابعات");
  const authorUrl = new URL(String(author.url));
  expect(authorUrl.protocol).toMatch(/^https?:$/);
  expect(decodeURIComponent(authorUrl.pathname)).toBe(decodeURIComponent(sourcePath(slugify("المناطق_متابعات"))));
  expect(authorUrl.pathname).toMatch(/^\/sources\/.+/);

  const publisher = data.publisher as JsonObject;
  expect(publisher["@type"]).toBe("Organization");
  expect(publisher.name).toBe("المرصد");

  // The seed has the photo's caption and credit but not its file: an ImageObject with no URL.
  const image = data.image as JsonObject;
  expect(image["@type"]).toBe("ImageObject");
  expect(image.caption).toEqual(expect.stringMatching(/^This handout image grab taken and released by the Russian Defence Ministry/));
  expect(image.creditText).toBe("Photo by Handout / Russian Defence Ministry / AFP");
  expect(image.inLanguage).toBe("en");
  expect(image).not.toHaveProperty("url");
  expect(image).not.toHaveProperty("contentUrl");

  await expect(meta(page, "property", "og:title")).toHaveAttribute("content", SEED_HEADLINE);
  await expect(meta(page, "property", "og:type")).toHaveAttribute("content", "article");
  await expect(meta(page, "property", "og:locale")).toHaveAttribute("content", "ar_AR");
  await expect(meta(page, "property", "og:site_name")).toHaveAttribute("content", "المرصد");
  await expect(meta(page, "property", "og:description")).toHaveAttribute("content", /^دعت الولايات المتّحدة أمس الثلاثاء روسيا/);
  const publishedTime = await meta(page, "property", "article:published_time").getAttribute("content");
  expectDateWithTimezone(publishedTime);
  expect(publishedTime).toBe(data.datePublished);
  await expect(meta(page, "name", "twitter:card")).toHaveAttribute("content", "summary_large_image");
  // The seed headline has 62 characters: the card title is the whole headline.
  await expect(meta(page, "name", "twitter:title")).toHaveAttribute("content", SEED_HEADLINE);

  // No photo file came with the seed: its share card is generated, 1200×630 PNG.
  const ogImage = new URL((await meta(page, "property", "og:image").getAttribute("content")) ?? "");
  expect(decodeURIComponent(ogImage.pathname)).toBe(path.replace("/articles/", "/share/"));
  await expect(meta(page, "property", "og:image:width")).toHaveAttribute("content", "1200");
  const card = await page.request.get(ogImage.pathname);
  expect(card.headers()["content-type"]).toBe("image/png");
  const png = await card.body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

  const canonical = page.locator('link[rel="canonical"]');
  await expect(canonical).toHaveCount(1);
  const canonicalUrl = new URL((await canonical.getAttribute("href")) ?? "");
  expect(decodeURIComponent(canonicalUrl.pathname)).toBe(path);
  expect(canonicalUrl.href).toBe(data.mainEntityOfPage);
});

test("the home page names its canonical address and describes the site", async ({ page }) => {
  await page.goto("/");
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(new URL(canonical ?? "").pathname).toBe("/");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "أخبار العالم العربي والعالم، بالعربية أولًا.");
});

test.describe("a headline written to break out of the JSON-LD script", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("stays data: the JSON-LD parses, keeps the headline exactly, and runs nothing", async ({ page, browser }) => {
    const headline = `اختبار </script><script>window.__pwned=1</script> ]]> ${Math.random().toString(36).slice(2, 8)}`;
    const editor = new ArticleEditor(page);
    await editor.gotoNew();
    await editor.write({ headline, body: "فقرة أولى للاختبار.", status: "منشور" });
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");
    const slug = await editor.field("الرابط").inputValue();

    const reader = await browser.newContext(ANONYMOUS);
    const readerPage = await reader.newPage();
    const response = await readerPage.goto(`/articles/${encodeURIComponent(slug)}`);
    expect(response?.status()).toBe(200);
    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(headline);

    const html = (await response?.text()) ?? "";
    expect(html).not.toContain("<script>window.__pwned=1</script>");
    const data = await jsonLd(readerPage);
    expect(data.headline).toBe(headline);
    expect((data.author as JsonObject)["@type"]).toBe("Person");
    expect(await readerPage.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await reader.close();
  });
});

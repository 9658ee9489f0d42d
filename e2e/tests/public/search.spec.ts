import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { randomInt } from "node:crypto";
import { expect, test } from "../../fixtures";
import type { TestDatabase } from "../../support/database";

const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";
const EMPTY_MESSAGE = "اكتب كلمة أو أكثر للبحث في الأخبار.";
const TOO_LONG_MESSAGE = "نص البحث طويل جدًا: اكتب ٢٠٠ حرف على الأكثر.";
const ERROR_HEADING = "حدث خطأ غير متوقع";
/** "نتيجة واحدة للبحث عن «…»", "نتيجتان…", "٣ نتائج…", "١١ نتيجة…" */
const RESULT_COUNT = /^(نتيجة واحدة|نتيجتان|[٠-٩٬]+ (نتائج|نتيجة)) للبحث عن «.+»$/;

/** The search box in the site header, as a reader finds it on any page. */
function headerSearch(page: Page) {
  const form = page.getByRole("banner").getByRole("search");
  return {
    form,
    field: form.getByRole("searchbox", { name: "ابحث في الأخبار" }),
    submit: form.getByRole("button", { name: "بحث", exact: true }),
  };
}

async function searchFromHeader(page: Page, query: string) {
  const { field, submit } = headerSearch(page);
  await field.fill(query);
  await submit.click();
  await expect(page).toHaveURL(/\/search\?q=/);
}

function results(page: Page) {
  return page.getByRole("main").getByRole("list", { name: RESULT_COUNT });
}

function seedResult(page: Page) {
  return results(page).getByRole("listitem").filter({ has: page.getByRole("link", { name: SEED_HEADLINE, exact: true }) });
}

/** A made-up Arabic word that no other article contains. */
function uniqueWord(): string {
  const letters = "تثجحخدذرزسشصضطظعغقكمنهي";
  return Array.from({ length: 7 }, () => letters[randomInt(letters.length)]).join("");
}

/** Published articles whose headline holds `word`, the newest first, written straight into the server's database. */
async function createArticlesWith(database: TestDatabase, word: string, count: number): Promise<string[]> {
  const headlines: string[] = [];
  for (let index = 0; index < count; index++) {
    const publishedAt = new Date(Date.now() - (index + 1) * 60_000);
    headlines.push((await database.createArticle({ publishedAt, headlinePrefix: `خبر عن ${word} رقم` })).headline);
  }
  return headlines;
}

test("a reader searches for كازاخستان from the header, sees the count and the marked headline, and opens the article", async ({ page }) => {
  await page.goto("/");
  await expect(headerSearch(page).form).toHaveAccessibleName("البحث في الموقع");
  await searchFromHeader(page, "كازاخستان");

  await expect(page).toHaveTitle("بحث: كازاخستان | المرصد");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("البحث في الأخبار");
  await expect(page.getByText(RESULT_COUNT)).toBeVisible();
  await expect(page.getByText(RESULT_COUNT)).toContainText("«كازاخستان»");
  const seed = seedResult(page);
  await expect(seed).toHaveCount(1);
  await expect(seed.getByRole("heading", { level: 2 }).locator("mark")).toHaveText("كازاخستان");
  await expect(seed.locator("mark").first()).toBeVisible();
  // The query stays in the page's own search box, ready to be changed.
  await expect(page.getByRole("main").getByRole("searchbox", { name: "ابحث في الأخبار" })).toHaveValue("كازاخستان");

  await seed.getByRole("link", { name: SEED_HEADLINE, exact: true }).click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_HEADLINE);
});

test("the same article is found with tashkeel, with tatweel, and with a bare alef for أ", async ({ page }) => {
  await page.goto("/");
  for (const query of ["كازَاخِسْتان", "كازاخـستان"]) {
    await searchFromHeader(page, query);
    await expect(seedResult(page)).toHaveCount(1);
    // The mark holds the word as the headline writes it.
    await expect(seedResult(page).getByRole("heading", { level: 2 }).locator("mark")).toHaveText("كازاخستان");
  }

  // The article writes الأمريكية; the reader types a bare alef.
  await searchFromHeader(page, "الامريكية");
  await expect(seedResult(page)).toHaveCount(1);
  await expect(seedResult(page).locator("p mark")).toHaveText(["الأمريكية"]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header search is a plain form that still searches", async ({ page }) => {
    await page.goto("/");
    await searchFromHeader(page, "الكازاخية");
    await expect(page.getByText(RESULT_COUNT)).toBeVisible();
    await expect(seedResult(page)).toHaveCount(1);
  });
});

test("a query full of search operators shows results or a message, never an error page", async ({ page }) => {
  await page.goto("/");
  // Quotes, OR, *, parentheses, - and : are not syntax: the words around them are searched for.
  await searchFromHeader(page, '"كازاخستان" OR (روسيا* -:)');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("البحث في الأخبار");
  await expect(seedResult(page)).toHaveCount(1);

  // NEAR is a word like any other here: whatever it finds, the page answers normally.
  await searchFromHeader(page, 'NEAR(كازاخستان روسيا, 2) AND NOT "');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("البحث في الأخبار");
  await expect(page.getByText(ERROR_HEADING)).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("status").or(results(page))).toBeVisible();

  await searchFromHeader(page, '"*()-:');
  await expect(page.getByRole("main").getByRole("status")).toHaveText(EMPTY_MESSAGE);
});

test("odd addresses answer 200 with a message or results", async ({ request }) => {
  const queries = ['"', "*", "NEAR(", "(", ")", "-", ":", "OR", "AND NOT", "^", "{}", "'", "\\", "%", "ك".repeat(201), ""];
  for (const query of queries) {
    const response = await request.get(`/search?q=${encodeURIComponent(query)}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).not.toContain(ERROR_HEADING);
  }
  for (const address of ["/search", "/search?q=%E0%A4%A", "/search?q=كازاخستان&page=abc", "/search?q=كازاخستان&page=999", "/search?q=a&q=b"]) {
    const response = await request.get(address);
    expect(response.status(), address).toBe(200);
    expect(await response.text(), address).not.toContain(ERROR_HEADING);
  }
});

test("an empty or overlong query is explained in Arabic", async ({ page }) => {
  await page.goto("/search?q=");
  await expect(page).toHaveTitle("بحث | المرصد");
  await expect(page.getByRole("main").getByRole("status")).toHaveText(EMPTY_MESSAGE);
  await page.goto(`/search?q=${encodeURIComponent("ك".repeat(201))}`);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(TOO_LONG_MESSAGE);
});

test("a search with no match says so", async ({ page }) => {
  await page.goto("/");
  const word = uniqueWord();
  await searchFromHeader(page, word);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`لم نجد أخبارًا تطابق «${word}». جرّب كلمات أخرى أو كلمات أقل.`);
});

test("drafts, scheduled and trashed articles are not found; a new article is found at once", async ({ page, database }) => {
  const published = await database.createArticle();
  const draft = await database.createArticle({ status: "DRAFT", publishedAt: null });
  const scheduled = await database.createArticle({ status: "SCHEDULED", publishedAt: new Date(Date.now() + 3_600_000) });
  const trashed = await database.createArticle();
  await database.trash(trashed.id);
  // Each headline ends with its own 8-character id: search for it.
  for (const article of [published, draft, scheduled, trashed]) {
    const id = article.headline.split(" ").at(-1)!;
    await page.goto(`/search?q=${encodeURIComponent(id)}`);
    await expect(page.getByRole("link", { name: article.headline })).toHaveCount(article === published ? 1 : 0);
  }
});

test("results come in pages of twenty with previous and next links", async ({ page, database }) => {
  const word = uniqueWord();
  const headlines = await createArticlesWith(database, word, 21);
  await page.goto("/");
  await searchFromHeader(page, word);

  await expect(page.getByText(RESULT_COUNT)).toHaveText(`٢١ نتيجة للبحث عن «${word}»`);
  await expect(results(page).getByRole("listitem")).toHaveCount(20);
  await expect(results(page).getByRole("link", { name: headlines[0] })).toBeVisible();
  const pages = page.getByRole("navigation", { name: "صفحات النتائج" });
  await expect(pages).toContainText("الصفحة ١ من ٢");
  await expect(pages.getByRole("link", { name: "الصفحة السابقة" })).toHaveCount(0);

  await pages.getByRole("link", { name: "الصفحة التالية" }).click();
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent(word)}&page=2`);
  await expect(results(page).getByRole("listitem")).toHaveCount(1);
  await expect(results(page).getByRole("link", { name: headlines[20] })).toBeVisible();
  await expect(pages).toContainText("الصفحة ٢ من ٢");
  await pages.getByRole("link", { name: "الصفحة السابقة" }).click();
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent(word)}&page=1`);
});

test("the results page has no WCAG A/AA violations", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("كازاخستان")}`);
  await expect(seedResult(page)).toHaveCount(1);
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
});

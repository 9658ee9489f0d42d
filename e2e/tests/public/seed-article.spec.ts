import { readFileSync } from "node:fs";
import { expect, test } from "../../fixtures";
import { SEED_FILE } from "../../support/paths";

// The expectations come from the seed file itself, read as plainly as possible (not through the
// importer): the body is every non-empty line between the desk label and the comments widget.
const seedLines = readFileSync(SEED_FILE, "utf8").split("\n").map((line) => line.trim());
const headline = seedLines[0];
const bodyStart = seedLines.indexOf("المناطق_متابعات") + 1;
const bodyEnd = seedLines.findIndex((line) => line.startsWith("التعليقات ("));
const paragraphs = seedLines.slice(bodyStart, bodyEnd).filter(Boolean);

test("a reader follows the seeded article from the home page and reads all of it", async ({ page, articlePage }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");

  await page.getByRole("link", { name: headline, exact: true }).click();

  await expect(articlePage.headline).toHaveText(headline);
  expect(paragraphs).toHaveLength(9);
  await expect(articlePage.paragraphs()).toHaveText(paragraphs);
  await expect(articlePage.article.getByRole("link", { name: "متابعات", exact: true })).toHaveAttribute("href", `/sections/${encodeURIComponent("متابعات")}`);
  await expect(articlePage.article.getByRole("link", { name: "المناطق_متابعات" })).toHaveAttribute("href", `/sources/${encodeURIComponent("المناطق-متابعات")}`);

  const caption = articlePage.article.locator("figcaption");
  await expect(caption.locator('[lang="en"][dir="ltr"]')).toHaveText(/^This handout image grab taken and released by the Russian Defence Ministry/);
  await expect(caption).toContainText("Photo by Handout / Russian Defence Ministry / AFP");
  await expect(caption).not.toContainText("RESTRICTED TO EDITORIAL USE");

  const published = articlePage.article.locator("header time");
  await expect(published).toHaveText(/^نُشر في [٠-٩]+ \S+ [٠-٩]{4}$/);
  await expect(articlePage.article.getByRole("link", { name: "almnatiq.net" })).toHaveAttribute("href", "https://almnatiq.net/?p=1101899");

  await expect(articlePage.commentsHeading).toHaveText("التعليقات (٠)");
  await expect(articlePage.closedNotice).toBeVisible();
  await expect(articlePage.commentForm).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByText("Advertisements")).toHaveCount(0);
});

test("the home page lists the seeded article with its section, date and excerpt", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: headline, exact: true }) });
  await expect(card.getByRole("link", { name: "متابعات", exact: true })).toBeVisible();
  await expect(card.locator("time")).toHaveText(/^[٠-٩]+ \S+ [٠-٩]{4}$/);
  await expect(card).toContainText(paragraphs[0].slice(0, 60));
});

test("the article has its own title and description for search and sharing", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: headline, exact: true }).click();
  await expect(page).toHaveTitle(`${headline} | المرصد`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /^دعت الولايات المتّحدة أمس الثلاثاء روسيا/);
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../../fixtures";

const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function violations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("the home page has no WCAG A/AA violations", async ({ page }) => {
  await page.goto("/");
  expect(await violations(page)).toEqual([]);
});

test("a closed article page (the seed) has no WCAG A/AA violations", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^الولايات المتحدة تطالب روسيا/ }).click();
  await expect(page.getByText("التعليقات مغلقة", { exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("an open article with comments and form errors has no WCAG A/AA violations", async ({ page, database, articlePage }) => {
  const article = await database.createArticle();
  await articlePage.goto(article.slug);
  await articlePage.writeComment({ name: "Sam سام", email: await database.returningCommenterEmail(), body: "تعليق أول" });
  await articlePage.submitButton.click();
  await expect(articlePage.commentsHeading).toHaveText("التعليقات (١)");
  await articlePage.submitButton.click();
  await expect(articlePage.nameField).toHaveAttribute("aria-invalid", "true");
  expect(await violations(page)).toEqual([]);
});

test("the 404 page has no WCAG A/AA violations", async ({ page }) => {
  await page.goto("/articles/missing");
  expect(await violations(page)).toEqual([]);
});

test("the list and search pages have no WCAG A/AA violations", async ({ page }) => {
  for (const path of [
    `/sections/${encodeURIComponent("متابعات")}`,
    `/sources/${encodeURIComponent("المناطق-متابعات")}`,
    `/search?q=${encodeURIComponent("كازاخستان")}`,
    `/search?q=${encodeURIComponent("ك")}`,
  ]) {
    await page.goto(path);
    expect(await violations(page), path).toEqual([]);
  }
});

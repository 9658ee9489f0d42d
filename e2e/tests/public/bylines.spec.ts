import { expect, test } from "../../fixtures";
import { TEST_USERS } from "../../support/users";

const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";

test("the seed's desk label leads to a page of what was signed with it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: SEED_HEADLINE, exact: true }).click();
  await page.getByRole("article").getByRole("link", { name: "المناطق_متابعات" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المناطق_متابعات");
  await expect(page.getByRole("main")).toContainText("بتوقيع «المناطق_متابعات»");
  await expect(page.getByRole("link", { name: SEED_HEADLINE })).toBeVisible();
});

test("an article's author links to a page with their name, bio and articles, and no email", async ({ page, database }) => {
  const article = await database.createArticle({ authorEmail: TEST_USERS.EDITOR.email });
  await page.goto(`/articles/${encodeURIComponent(article.slug)}`);
  await page.getByRole("article").getByRole("link", { name: TEST_USERS.EDITOR.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEST_USERS.EDITOR.name);
  await expect(page.getByText(TEST_USERS.EDITOR.bio)).toBeVisible();
  await expect(page.getByRole("link", { name: article.headline })).toBeVisible();
  expect(await page.content()).not.toContain(TEST_USERS.EDITOR.email);
});

test("an unknown author or source is the 404 page", async ({ page }) => {
  for (const path of ["/authors/nobody-here", "/sources/nothing-here"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});

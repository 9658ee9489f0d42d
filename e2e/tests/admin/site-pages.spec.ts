import { randomUUID } from "node:crypto";
import { ANONYMOUS, expect, test } from "../../fixtures";
import { authFile } from "../../support/users";

test.describe("an editor", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("writes a site page, edits it, and readers see it at its address and in the footer", async ({
    page,
    browser,
  }) => {
    const title = `سياسة الخصوصية ${randomUUID().slice(0, 6)}`;
    await page.goto("/admin/pages");
    const form = page.getByRole("form", { name: "الصفحة" });
    await form.getByLabel("العنوان").fill(title);
    await form.getByLabel("النص").fill("نحترم **خصوصيتكم**.");
    await form.getByRole("button", { name: "حفظ الصفحة" }).click();
    await expect(page).toHaveURL(/\/admin\/pages\/\d+$/);
    await form.getByLabel("النص").fill("نحترم خصوصيتكم، ولا نبيع بياناتكم.");
    await form.getByRole("button", { name: "حفظ الصفحة" }).click();
    await expect(form.getByRole("status")).toHaveText("حُفظت الصفحة.");

    const reader = await browser.newPage(ANONYMOUS);
    await reader.goto("/");
    await reader.getByRole("navigation", { name: "صفحات الموقع" }).getByRole("link", { name: title }).click();
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(reader.getByTestId("article-body")).toHaveText("نحترم خصوصيتكم، ولا نبيع بياناتكم.");
    await reader.close();
  });
});

test.describe("an author", () => {
  test.use({ storageState: authFile("AUTHOR") });

  test("cannot reach the site pages", async ({ page }) => {
    await page.goto("/admin/pages");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("لا تملك صلاحية الوصول");
    await expect(page.getByRole("form", { name: "الصفحة" })).toHaveCount(0);
    await expect(page.getByRole("navigation").getByRole("link", { name: "صفحات الموقع" })).toHaveCount(0);
  });
});

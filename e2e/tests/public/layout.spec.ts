import { expect, test } from "../../fixtures";

for (const viewport of [
  { name: "phone", width: 375, height: 740 },
  { name: "desktop", width: 1280, height: 900 },
]) {
  test(`the article page fits a ${viewport.name} screen and uses the Arabic web font`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await page.getByRole("main").getByRole("heading", { level: 2 }).first().getByRole("link").click();
    await expect(page.locator("#comments")).toBeVisible();
    await page.evaluate(() => document.fonts.ready);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const loadedFaces = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === "loaded").map((face) => face.weight),
    );
    expect(loadedFaces.length).toBeGreaterThan(0);
    await page.screenshot({ path: testInfo.outputPath(`article-${viewport.name}.png`), fullPage: true });
  });
}

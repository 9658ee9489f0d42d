import { expect, test } from "../../fixtures";
import { authFile } from "../../support/users";

const SEED_PATH = `/articles/${encodeURIComponent("الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان")}`;

test("every page and route answers with the security headers and a nonce-based CSP", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", SEED_PATH, "/search?q=test", "/feed.xml", "/admin/sign-in", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).not.toContain("unsafe-eval");
    nonces.add(/'nonce-([^']+)'/.exec(policy)?.[1] ?? "");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
  expect(nonces.size).toBe(6);
});

test("the reader pages work under the policy: no violation, and a comment posts with JavaScript", async ({ page, database, articlePage }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", SEED_PATH, `/search?q=${encodeURIComponent("كازاخستان")}`, `/sections/${encodeURIComponent("متابعات")}`]) {
    await page.goto(path);
  }
  const article = database.createArticle();
  await articlePage.goto(article.slug);
  await articlePage.writeComment({ name: "قارئ", email: database.returningCommenterEmail(), body: "تعليق تحت سياسة الأمان" });
  await articlePage.submitButton.click();
  await expect(articlePage.commentsHeading).toHaveText("التعليقات (١)");
  expect(violations).toEqual([]);
});

test.describe("the newsroom under the policy", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("loads its pages without a violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/admin/articles", "/admin/articles/new", "/admin/comments", "/admin/media"]) await page.goto(path);
    await expect(page.getByRole("heading", { name: "الوسائط" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

import { expect, test } from "../../fixtures";
import { authFile } from "../../support/users";

const SEED_PATH = `/articles/${encodeURIComponent("الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان")}`;

test("every page and route answers with the security headers; pages rendered per request get a nonce-based CSP", async ({ request }) => {
  const nonces = new Set<string>();
  const perRequest = ["/search?q=test", "/admin/sign-in"];
  // Served from the cache, the same bytes to every reader: no nonce can be in them (see lib/cache/http-headers.cjs).
  const cached = ["/", SEED_PATH, "/feed.xml"];
  // Refused by proxy.ts before any page is reached.
  const refused = ["/articles/%E0%A4%A"];
  for (const path of [...perRequest, ...cached, ...refused, "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(response.headersArray().filter(({ name }) => name.toLowerCase() === "content-security-policy"), path).toHaveLength(1);
    const policy = headers["content-security-policy"] ?? "";
    if (perRequest.includes(path)) {
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
      nonces.add(/'nonce-([^']+)'/.exec(policy)?.[1] ?? "");
    } else {
      expect(policy, path).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
    }
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(policy, path).toContain(directive);
    }
    expect(policy, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
  expect(nonces.size).toBe(perRequest.length);
});

test("the reader pages work under the policy: no violation, and a comment posts with JavaScript", async ({ page, database, articlePage }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", SEED_PATH, `/search?q=${encodeURIComponent("كازاخستان")}`, `/sections/${encodeURIComponent("متابعات")}`]) {
    await page.goto(path);
  }
  const article = await database.createArticle();
  await articlePage.goto(article.slug);
  await articlePage.writeComment({ name: "قارئ", email: await database.returningCommenterEmail(), body: "تعليق تحت سياسة الأمان" });
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

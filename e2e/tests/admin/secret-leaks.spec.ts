import { readFileSync } from "node:fs";
import { ANONYMOUS, expect, test } from "../../fixtures";
import { authFile, TEST_USERS } from "../../support/users";

const APP_SECRET = "e2e-only-secret-not-used-anywhere-else-0123456789";
// Better Auth's scrypt hashes: hex salt, colon, hex key.
const PASSWORD_HASH = /[0-9a-f]{32}:[0-9a-f]{128}/;

/** The page's HTML, its RSC payload, and every script the browser loaded for it. */
async function everythingSentFor(page: import("@playwright/test").Page, path: string): Promise<string> {
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.push(await response.text().catch(() => ""));
  });
  await page.goto(path);
  const rsc = await page.request.get(path, { headers: { RSC: "1" } });
  return [await page.content(), await rsc.text(), ...scripts].join("\n");
}

test("a reader's pages carry no commenter's or author's email, no hash and no secret", async ({
  browser,
  database,
}) => {
  const email = `private-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const article = await database.createArticle({ authorEmail: TEST_USERS.EDITOR.email });
  await database.createComment(article.id, { status: "APPROVED", email, body: "تعليق بعنوان بريد خاص" });
  const reader = await browser.newContext(ANONYMOUS);
  const page = await reader.newPage();
  for (const path of [`/articles/${encodeURIComponent(article.slug)}`, "/", "/feed.xml"]) {
    const sent = await everythingSentFor(page, path);
    expect(sent, path).not.toContain(email);
    expect(sent, path).not.toContain(TEST_USERS.EDITOR.email);
    expect(sent, path).not.toContain(APP_SECRET);
    expect(sent, path).not.toMatch(PASSWORD_HASH);
  }
  await reader.close();
});

test.describe("the newsroom", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("never sends the session token, a password hash or the app secret to the browser", async ({ page }) => {
    const state = JSON.parse(readFileSync(authFile("EDITOR"), "utf8")) as {
      cookies: { name: string; value: string }[];
    };
    const token = decodeURIComponent(
      state.cookies.find((cookie) => cookie.name.includes("session_token"))?.value ?? "",
    ).split(".")[0];
    expect(token.length).toBeGreaterThan(16);
    for (const path of ["/admin/articles", "/admin/articles/new", "/admin/comments", "/admin/media"]) {
      const sent = await everythingSentFor(page, path);
      expect(sent, path).not.toContain(token);
      expect(sent, path).not.toContain(APP_SECRET);
      expect(sent, path).not.toMatch(PASSWORD_HASH);
    }
  });
});

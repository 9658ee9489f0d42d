import { expect, test } from "../../fixtures";
import { SignInPage } from "../../pages/sign-in-page";
import { authFile, TEST_USERS } from "../../support/users";

test("the newsroom sends a visitor without a session to the sign-in page", async ({ page }) => {
  for (const path of ["/admin", "/admin/articles", "/admin/articles/new", "/admin/comments", "/admin/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
  }
});

test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(TEST_USERS.EDITOR.email, "not-the-password");
  await expect(signIn.alert).toHaveText("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
  await expect(signIn.form.getByLabel("البريد الإلكتروني")).toHaveValue(TEST_USERS.EDITOR.email);
});

test("repeated failures lock the account for a while, even against the right password", async ({ page }) => {
  const signIn = new SignInPage(page);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await signIn.goto();
    await signIn.signIn(TEST_USERS.LOCKOUT.email, `wrong-${attempt}`);
    await expect(signIn.alert).toHaveText("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
  }
  await signIn.goto();
  await signIn.signIn(TEST_USERS.LOCKOUT.email, TEST_USERS.LOCKOUT.password);
  await expect(signIn.alert).toHaveText(/^محاولات دخول كثيرة فاشلة\. أعد المحاولة بعد [٠-٩]+ دقيقة\.$/);
  await page.goto("/admin/articles");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test.describe("a signed-in session", () => {
  test("sets an httpOnly, SameSite=Lax cookie and is revoked on the server at sign-out", async ({ page, browser }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(TEST_USERS.ADMIN.email, TEST_USERS.ADMIN.password);
    await expect(page.getByRole("heading", { name: "المقالات" })).toBeVisible();
    const session = (await page.context().cookies()).find((cookie) => cookie.name.includes("session_token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    const stolen = await page.context().storageState();

    await page.getByRole("button", { name: "خروج" }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in$/);

    const replay = await browser.newContext({ storageState: stolen });
    const replayPage = await replay.newPage();
    await replayPage.goto("/admin/articles");
    await expect(replayPage).toHaveURL(/\/admin\/sign-in$/);
    await replay.close();
  });
});

test("an expired session no longer opens the newsroom", async ({ page, database }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(TEST_USERS.EXPIRY.email, TEST_USERS.EXPIRY.password);
  await expect(page.getByRole("heading", { name: "المقالات" })).toBeVisible();

  await database.expireSessions(TEST_USERS.EXPIRY.email);
  await page.goto("/admin/articles");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test.describe("an author's session", () => {
  test.use({ storageState: authFile("AUTHOR") });

  test("an author sees no moderation or settings, and is refused them by address", async ({ page }) => {
    await page.goto("/admin/articles");
    const nav = page.getByRole("navigation", { name: "غرفة الأخبار" });
    await expect(nav.getByRole("link", { name: /التعليقات/ })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "الإعدادات" })).toHaveCount(0);
    for (const path of ["/admin/comments", "/admin/settings"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "لا تملك صلاحية الوصول" })).toBeVisible();
    }
  });
});

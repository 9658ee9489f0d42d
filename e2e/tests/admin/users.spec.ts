import { ANONYMOUS, expect, test } from "../../fixtures";
import { SignInPage } from "../../pages/sign-in-page";
import { captureActionRequest, replayAction } from "../../support/action-replay";
import { authFile } from "../../support/users";

test.describe("an admin", () => {
  test.use({ storageState: authFile("ADMIN") });

  test("creates an account whose one-time password signs in, then changes its role", async ({ page, browser }) => {
    const email = `new-${Math.random().toString(36).slice(2, 8)}@e2e.test`;
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "حساب جديد" });
    await form.getByLabel("البريد الإلكتروني").fill(email);
    await form.getByLabel("الاسم كما يظهر في التوقيع").fill("كاتب جديد");
    await form.getByRole("button", { name: "إنشاء الحساب" }).click();
    await expect(form.getByRole("status")).toContainText(`أُنشئ حساب ${email}`);
    const password = ((await form.getByRole("status").textContent()) ?? "").split(": ").at(-1) ?? "";

    const newcomer = await browser.newContext(ANONYMOUS);
    const signIn = new SignInPage(await newcomer.newPage());
    await signIn.goto();
    await signIn.signIn(email, password);
    await expect(signIn.page.getByRole("heading", { name: "المقالات" })).toBeVisible();
    await expect(signIn.page.getByText("كاتب جديد (كاتب)")).toBeVisible();
    await newcomer.close();

    const row = page.getByRole("form", { name: "حساب كاتب جديد" });
    await row.getByLabel("الدور").selectOption({ label: "محرر" });
    await row.getByRole("button", { name: "حفظ" }).click();
    await expect(row.getByRole("status")).toHaveText("حُفظ.");
  });

  test("cannot have account creation replayed by an editor or without a session", async ({ page, database }) => {
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "حساب جديد" });
    await form.getByLabel("البريد الإلكتروني").fill(`replay-${Math.random().toString(36).slice(2, 8)}@e2e.test`);
    await form.getByLabel("الاسم كما يظهر في التوقيع").fill("حساب مسروق");
    await form.getByLabel("الدور").selectOption({ label: "مدير" });
    const create = await captureActionRequest(page, () => form.getByRole("button", { name: "إنشاء الحساب" }).click());

    expect(await replayAction(create, null)).toContain("انتهت جلستك أو لم تسجّل الدخول");
    expect(await replayAction(create, "EDITOR")).toContain("لا تملك صلاحية القيام بهذا.");
    expect(await database.userCount("حساب مسروق")).toBe(0);
  });
});

test.describe("an editor", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("is refused the users page", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "لا تملك صلاحية الوصول" })).toBeVisible();
  });
});

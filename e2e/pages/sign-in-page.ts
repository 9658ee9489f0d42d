import type { Locator, Page } from "@playwright/test";

export class SignInPage {
  readonly form: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "الدخول إلى غرفة الأخبار" });
    this.alert = this.form.getByRole("alert");
  }

  goto() {
    return this.page.goto("/admin/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.form.getByLabel("البريد الإلكتروني").fill(email);
    await this.form.getByLabel("كلمة المرور").fill(password);
    // Wait for the server's answer, so a test never reads the message left by the previous attempt.
    await Promise.all([
      this.page.waitForResponse((response) => response.request().method() === "POST"),
      this.form.getByRole("button", { name: "دخول" }).click(),
    ]);
  }
}

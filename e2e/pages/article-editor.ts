import type { Locator, Page } from "@playwright/test";

/** The newsroom's article form, by its Arabic labels. */
export class ArticleEditor {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "المقال" });
  }

  gotoNew() {
    return this.page.goto("/admin/articles/new");
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === "string" });
  }

  async write({
    headline,
    body,
    status,
    section,
  }: {
    headline: string;
    body: string;
    status?: "مسودة" | "منشور" | "مجدول";
    section?: string;
  }) {
    await this.field("العنوان").fill(headline);
    await this.field("نص المقال").fill(body);
    if (section) await this.field("القسم").selectOption({ label: section });
    if (status) await this.field("الحالة").selectOption({ label: status });
  }

  save() {
    return this.form.getByRole("button", { name: "حفظ" }).click();
  }
}

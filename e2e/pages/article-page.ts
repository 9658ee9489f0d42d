import type { Locator, Page } from "@playwright/test";

/** The article page as a reader meets it: by roles, labels and visible text. */
export class ArticlePage {
  readonly headline: Locator;
  readonly article: Locator;
  readonly comments: Locator;
  readonly commentsHeading: Locator;
  readonly commentForm: Locator;
  readonly nameField: Locator;
  readonly emailField: Locator;
  readonly bodyField: Locator;
  readonly submitButton: Locator;
  readonly closedNotice: Locator;

  constructor(readonly page: Page) {
    this.headline = page.getByRole("heading", { level: 1 });
    this.article = page.getByRole("article").first();
    this.comments = page.locator("#comments");
    this.commentsHeading = this.comments.getByRole("heading", { level: 2 });
    this.commentForm = page.getByRole("form", { name: "أضف تعليقًا" });
    this.nameField = this.commentForm.getByLabel("الاسم");
    this.emailField = this.commentForm.getByLabel(/البريد الإلكتروني/);
    this.bodyField = this.commentForm.getByLabel("التعليق");
    this.submitButton = this.commentForm.getByRole("button", { name: "أرسل التعليق" });
    this.closedNotice = this.comments.getByText("التعليقات مغلقة", { exact: true });
  }

  goto(slug: string) {
    return this.page.goto(`/articles/${encodeURIComponent(slug)}`);
  }

  paragraphs(): Locator {
    return this.page.getByTestId("article-body").getByRole("paragraph");
  }

  comment(text: string): Locator {
    return this.comments.getByRole("listitem").filter({ hasText: text });
  }

  async writeComment({ name, body, email }: { name: string; body: string; email?: string }) {
    await this.nameField.fill(name);
    if (email) await this.emailField.fill(email);
    await this.bodyField.fill(body);
  }
}

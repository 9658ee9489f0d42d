import { test as base, expect } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { TestDatabase } from "./support/database";

export const test = base.extend<{ database: TestDatabase; articlePage: ArticlePage }>({
  database: async ({}, use) => {
    const database = new TestDatabase();
    await use(database);
    database.close();
  },
  articlePage: async ({ page }, use) => {
    await use(new ArticlePage(page));
  },
});

export { expect };

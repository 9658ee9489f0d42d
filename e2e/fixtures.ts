import { test as base, expect } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { TestDatabase } from "./support/database";

export const test = base.extend<{ database: TestDatabase; articlePage: ArticlePage }>({
  // Playwright reads the fixture's first parameter as an object pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern -- see above
  database: async ({}, use) => {
    const database = new TestDatabase();
    await use(database);
    await database.close();
  },
  articlePage: async ({ page }, use) => {
    await use(new ArticlePage(page));
  },
});

export { expect };

/**
 * Options for a context with nobody signed in. Inside a test, `browser.newContext()` and
 * `request.newContext()` inherit the file's `storageState`, so a reader must say so explicitly.
 */
export const ANONYMOUS = { storageState: { cookies: [], origins: [] } };

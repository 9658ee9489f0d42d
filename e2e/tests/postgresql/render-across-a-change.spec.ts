import { articlePath } from "../../../lib/paths";
import { expect, test } from "../../fixtures";
import { holdTableLock } from "../../support/table-lock";

/*
 * A page whose render began before a change and ended after it read the old data: Next must not
 * keep it as the fresh copy, or readers see the old page until it revalidates (an hour). Made
 * certain here by stopping the render between two of its reads: the article page reads the
 * article, then its comment count, and the test holds the comment table locked meanwhile.
 * PostgreSQL only (a project of its own, after the others: the lock stops their comment reads too).
 */
test("a page rendered across a change is not kept: the next reader gets the change", async ({
  database,
  articlePage,
}) => {
  const article = await database.createArticle();
  const changed = `خبر معدّل رقم ${article.id}`;
  const lock = await holdTableLock("Comment");
  let rendering: Promise<string> | undefined;
  try {
    // The article was never rendered (createArticle expires the cache): this request renders it.
    rendering = articlePage.page.request.get(articlePath(article.slug)).then((response) => response.text());
    await lock.waitForBlockedStatement();
    // Outside the app, as an import: the change, then every cached page expired.
    await database.setHeadline(article.id, changed);
  } finally {
    await lock.release();
  }
  // The render that began before the change shows the old headline (what it read), so the race happened.
  const renderedAcross = await rendering;
  expect(renderedAcross).toContain(article.headline);
  expect(renderedAcross).not.toContain(changed);

  await articlePage.goto(article.slug);
  await expect(articlePage.page.getByRole("heading", { level: 1 })).toHaveText(changed);
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { setCommentsOpen } from "../../lib/articles/editing";
import { db } from "../../lib/db/client";
import { nullWhenNotFound } from "../../lib/db/errors";
import { ArticleNotFoundError } from "../../lib/errors";
import { createArticle, createNewsroomUser } from "../support/factories";

describe("only a missing row is reported as not found", () => {
  test("an update of a row that does not exist becomes null", async () => {
    assert.equal(
      await db.article.update({ where: { id: 987_654 }, data: { headline: "لا شيء" } }).catch(nullWhenNotFound),
      null,
    );
  });

  test("any other database error goes on to the caller (who logs it), not turned into 'not found'", async () => {
    const [first, second] = [await createArticle(), await createArticle()];
    await assert.rejects(
      db.article.update({ where: { id: second.id }, data: { slug: first.slug } }).catch(nullWhenNotFound),
      (error: unknown) => typeof error === "object" && error !== null && "code" in error && error.code === "P2002",
    );
  });

  test("opening comments on a missing article is ArticleNotFoundError", async () => {
    const editor = await createNewsroomUser("EDITOR");
    await assert.rejects(setCommentsOpen(editor, 987_654, true), ArticleNotFoundError);
  });
});

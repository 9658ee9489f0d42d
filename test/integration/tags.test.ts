import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createArticle as createArticleAs, getArticleForEditing, updateArticle } from "../../lib/articles/editing";
import { listRevisions, restoreRevision } from "../../lib/articles/revisions";
import { getPublicArticleBySlug, listArticlesPage } from "../../lib/articles/reads";
import { InvalidInputError } from "../../lib/errors";
import { parseTagNames } from "../../lib/taxonomy/tags";
import { createNewsroomUser } from "../support/factories";

const form = (tags: string) => ({
  headline: `خبر موسوم ${Math.random()}`,
  body: "نص.",
  status: "PUBLISHED",
  commentsOpen: "on",
  tags,
});

describe("tags", () => {
  test("are read from Arabic or Latin commas, trimmed, without repeats", () => {
    assert.deepEqual(parseTagNames(" كازاخستان، روسيا ,روسيا,, الأمن  الجماعي "), [
      "كازاخستان",
      "روسيا",
      "الأمن الجماعي",
    ]);
    assert.deepEqual(parseTagNames("  "), []);
  });

  test("are saved with the article, shown to readers, and replaced on the next save", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const saved = await createArticleAs(editor, form("كازاخستان، روسيا"));
    let page = await getPublicArticleBySlug(saved.slug);
    assert.deepEqual(page?.tags, [
      { slug: "روسيا", name: "روسيا" },
      { slug: "كازاخستان", name: "كازاخستان" },
    ]);
    assert.ok(
      (await listArticlesPage({ kind: "tag", slug: "روسيا" })).articles.some((card) => card.slug === saved.slug),
    );

    await updateArticle(editor, saved.id, form("الأمن الجماعي"));
    page = await getPublicArticleBySlug(saved.slug);
    assert.deepEqual(page?.tags, [{ slug: "الأمن-الجماعي", name: "الأمن الجماعي" }]);
    assert.equal(
      (await listArticlesPage({ kind: "tag", slug: "روسيا" })).articles.some((card) => card.slug === saved.slug),
      false,
    );
    assert.deepEqual((await getArticleForEditing(editor, saved.id)).tagNames, ["الأمن الجماعي"]);
  });

  test("more than ten, or punctuation only, are refused with the field named", async () => {
    const editor = await createNewsroomUser("EDITOR");
    for (const tags of [Array.from({ length: 11 }, (_, index) => `وسم${index}`).join("،"), "؟؟، !!"]) {
      await assert.rejects(createArticleAs(editor, form(tags)), (error) => {
        assert.ok(error instanceof InvalidInputError);
        assert.deepEqual(Object.keys(error.fieldErrors), ["tags"]);
        return true;
      });
    }
  });

  test("come back with a restored revision", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const saved = await createArticleAs(editor, form("اقتصاد"));
    await updateArticle(editor, saved.id, form("سياسة"));
    const original = (await listRevisions(editor, saved.id)).at(-1);
    assert.ok(original);
    await restoreRevision(editor, saved.id, original.id);
    assert.deepEqual(
      (await getPublicArticleBySlug(saved.slug))?.tags.map((tag) => tag.name),
      ["اقتصاد"],
    );
  });
});

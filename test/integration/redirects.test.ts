import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { createArticle as createArticleAs, trashArticle, updateArticle } from "../../lib/articles/editing";
import { listRevisions, restoreRevision } from "../../lib/articles/revisions";
import { importArticleText } from "../../lib/import/import-article";
import { findRenamedArticleSlug, findSlugByLegacyId } from "../../lib/articles/redirects";
import { createNewsroomUser } from "../support/factories";

const form = (slug: string) => ({
  headline: "خبر يتغير رابطه",
  slug,
  body: "نص.",
  status: "PUBLISHED",
  commentsOpen: "on",
});

describe("old addresses", () => {
  test("a legacy id leads to the imported article's current slug; an unknown one to nothing", async () => {
    const seed = await importArticleText(readFileSync(path.join("prisma", "seed", "almnatiq-1101899.txt"), "utf8"));
    assert.equal(await findSlugByLegacyId("1101899"), seed.slug);
    assert.equal(await findSlugByLegacyId("999999999"), null);
    assert.equal(await findSlugByLegacyId("1101899 OR 1=1"), null);
  });

  test("every slug an article had leads to its current one; a slug back in use stops redirecting", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const { id } = await createArticleAs(editor, form("رابط-أول"));
    await updateArticle(editor, id, form("رابط-ثان"));
    await updateArticle(editor, id, form("رابط-ثالث"));
    assert.equal(await findRenamedArticleSlug("رابط-أول"), "رابط-ثالث");
    assert.equal(await findRenamedArticleSlug("رابط-ثان"), "رابط-ثالث");

    await updateArticle(editor, id, form("رابط-أول"));
    assert.equal(await findRenamedArticleSlug("رابط-أول"), null);
    assert.equal(await findRenamedArticleSlug("رابط-ثالث"), "رابط-أول");
  });

  test("restoring a revision with another slug records the rename too", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const { id } = await createArticleAs(editor, form("قبل-الاستعادة"));
    await updateArticle(editor, id, form("بعد-التعديل"));
    const original = (await listRevisions(editor, id)).at(-1);
    assert.ok(original);
    await restoreRevision(editor, id, original.id);
    assert.equal(await findRenamedArticleSlug("بعد-التعديل"), "قبل-الاستعادة");
  });

  test("an old slug of a trashed article leads nowhere", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const { id } = await createArticleAs(editor, form("سيحذف-قديم"));
    await updateArticle(editor, id, form("سيحذف-جديد"));
    await trashArticle(editor, id);
    assert.equal(await findRenamedArticleSlug("سيحذف-قديم"), null);
  });
});

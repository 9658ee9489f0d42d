import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createArticle as createArticleAs, updateArticle } from "../../lib/articles/editing";
import { getRevisionPreview, listRevisions, restoreRevision } from "../../lib/articles/revisions";
import { db } from "../../lib/db/client";
import { ForbiddenError, InvalidInputError } from "../../lib/errors";
import { importArticleText } from "../../lib/import/import-article";
import { createArticle, createNewsroomUser } from "../support/factories";

const form = (headline: string, overrides: Record<string, string> = {}) => ({
  headline,
  body: `نص ${headline}.`,
  status: "PUBLISHED",
  commentsOpen: "on",
  ...overrides,
});

describe("revisions", () => {
  test("every save records who made which version; restoring one saves it again", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const other = await createNewsroomUser("ADMIN");
    const { id } = await createArticleAs(editor, form("النسخة الأولى"));
    await updateArticle(other, id, form("النسخة الثانية", { slug: "نسخة-ثانية" }));
    await updateArticle(editor, id, form("النسخة الثالثة", { slug: "نسخة-ثانية" }));

    const revisions = await listRevisions(editor, id);
    assert.deepEqual(
      revisions.map(({ headline, editorName, isCurrent }) => ({ headline, editorName, isCurrent })),
      [
        { headline: "النسخة الثالثة", editorName: editor.name, isCurrent: true },
        { headline: "النسخة الثانية", editorName: other.name, isCurrent: false },
        { headline: "النسخة الأولى", editorName: editor.name, isCurrent: false },
      ],
    );
    const first = revisions[2];
    assert.equal((await getRevisionPreview(editor, id, first.id)).article.headline, "النسخة الأولى");

    const restored = await restoreRevision(other, id, first.id);
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    assert.equal(article.headline, "النسخة الأولى");
    assert.equal(article.body.includes("نص النسخة الأولى."), true);
    assert.deepEqual(restored, { slug: article.slug, previousSlug: "نسخة-ثانية" });
    const after = await listRevisions(editor, id);
    assert.equal(after.length, 4);
    assert.deepEqual([after[0].headline, after[0].editorName], ["النسخة الأولى", other.name]);
  });

  test("the first edit of an imported article keeps the imported text as a revision", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const text = ["خبر مستورد للمراجعة", "", "https://example.com/?p=9901", "", "المتن كما استُورد.", ""].join("\n");
    const imported = await importArticleText(text);
    await updateArticle(editor, imported.id, form("خبر بعد التحرير"));
    const revisions = await listRevisions(editor, imported.id);
    assert.deepEqual(
      revisions.map(({ headline, editorName }) => [headline, editorName]),
      [
        ["خبر بعد التحرير", editor.name],
        ["خبر مستورد للمراجعة", null],
      ],
    );
  });

  test("a slug taken in the meantime is refused, as the editor refuses it, and nothing changes", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const { id } = await createArticleAs(editor, form("عنوان قديم", { slug: "رابط-قديم" }));
    await updateArticle(editor, id, form("عنوان جديد", { slug: "رابط-جديد" }));
    const squatter = await createArticle();
    await db.article.update({ where: { id: squatter.id }, data: { slug: "رابط-قديم" } });
    const oldest = (await listRevisions(editor, id)).at(-1);
    assert.ok(oldest);
    const editorRefusal = await updateArticle(editor, id, form("عنوان قديم", { slug: "رابط-قديم" })).catch(
      (error: unknown) => error,
    );
    const restoreRefusal = await restoreRevision(editor, id, oldest.id).catch((error: unknown) => error);
    assert.ok(restoreRefusal instanceof InvalidInputError);
    assert.ok(editorRefusal instanceof InvalidInputError);
    assert.deepEqual(restoreRefusal.fieldErrors, editorRefusal.fieldErrors);
    assert.deepEqual(Object.keys(restoreRefusal.fieldErrors), ["slug"]);
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    assert.deepEqual([article.headline, article.slug], ["عنوان جديد", "رابط-جديد"]);
    assert.equal((await listRevisions(editor, id)).length, 2);
  });

  test("an author cannot see or restore revisions of others' articles, nor restore a published version", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const author = await createNewsroomUser("AUTHOR");
    const { id } = await createArticleAs(editor, form("مقال المحرر"));
    const [revision] = await listRevisions(editor, id);
    await assert.rejects(listRevisions(author, id), ForbiddenError);
    await assert.rejects(restoreRevision(author, id, revision.id), ForbiddenError);

    const draft = await createArticleAs(author, form("مسودة", { status: "DRAFT" }));
    const published = await db.articleRevision.create({
      data: {
        articleId: draft.id,
        editorId: editor.id,
        snapshot: (await db.articleRevision.findFirstOrThrow({ where: { articleId: id } })).snapshot,
      },
    });
    await assert.rejects(restoreRevision(author, draft.id, published.id), ForbiddenError);
    assert.equal((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status, "DRAFT");
  });
});

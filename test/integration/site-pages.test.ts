import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ForbiddenError, InvalidInputError } from "../../lib/errors";
import { getSitePage, listSitePages, saveSitePage } from "../../lib/pages/pages";
import { createNewsroomUser } from "../support/factories";

describe("site pages", () => {
  test("an editor writes a page from Markdown; it is public at its slug and listed", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const saved = await saveSitePage(editor, null, { title: "اتصل بنا", slug: "", body: "راسلونا على **البريد**." });
    assert.equal(saved.slug, "اتصل-بنا");
    const page = await getSitePage(saved.slug);
    assert.deepEqual(page?.body.blocks, [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "راسلونا على " },
          { type: "strong", content: [{ type: "text", text: "البريد" }] },
          { type: "text", text: "." },
        ],
      },
    ]);
    assert.ok((await listSitePages()).some((link) => link.slug === "اتصل-بنا"));
    await saveSitePage(editor, saved.id, { title: "اتصل بنا الآن", slug: "اتصل-بنا", body: "نص جديد" });
    assert.equal((await getSitePage("اتصل-بنا"))?.title, "اتصل بنا الآن");
  });

  test("an author may not, and bad input is refused with the field's message", async () => {
    const author = await createNewsroomUser("AUTHOR");
    await assert.rejects(saveSitePage(author, null, { title: "صفحة", body: "نص" }), ForbiddenError);
    const admin = await createNewsroomUser("ADMIN");
    await saveSitePage(admin, null, { title: "الشروط", slug: "terms", body: "نص الشروط" });
    for (const [input, field] of [
      [{ title: "", body: "نص" }, "title"],
      [{ title: "صفحة", slug: "not a slug!", body: "نص" }, "slug"],
      [{ title: "صفحة أخرى", slug: "terms", body: "نص" }, "slug"],
    ] as const) {
      await assert.rejects(saveSitePage(admin, null, input), (error) => {
        assert.ok(error instanceof InvalidInputError);
        assert.ok(field in error.fieldErrors, JSON.stringify(error.fieldErrors));
        return true;
      });
    }
  });
});

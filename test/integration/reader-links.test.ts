import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { getPublicArticleBySlug, listAuthorArticles, listRelatedArticles, listSourceArticles } from "../../lib/articles";
import { getAuthor, getSourceLabel } from "../../lib/authors";
import { db } from "../../lib/db";
import { importArticleText } from "../../lib/import/import-article";
import { createUser } from "../../lib/users";
import { createArticle } from "../support/factories";

describe("bylines and their pages", () => {
  test("an account gets a unique author slug from its name; its page shows name and bio, not email", async () => {
    const first = await createUser({ email: "layla1@example.test", name: "ليلى حسن", role: "AUTHOR", password: "long enough password", bio: "  مراسلة في القاهرة. " });
    const second = await createUser({ email: "layla2@example.test", name: "ليلى حسن", role: "AUTHOR", password: "long enough password" });
    const slugs = await db.user.findMany({ where: { id: { in: [first.id, second.id] } }, select: { slug: true }, orderBy: { email: "asc" } });
    assert.deepEqual(slugs.map((row) => row.slug), ["ليلى-حسن", "ليلى-حسن-2"]);
    assert.deepEqual(await getAuthor("ليلى-حسن"), { id: first.id, name: "ليلى حسن", bio: "مراسلة في القاهرة." });
    assert.equal((await getAuthor(second.id))?.id, second.id);
    assert.equal(await getAuthor("لا-أحد"), null);
  });

  test("an article by an account is signed with its author page; its public articles are listed there", async () => {
    const user = await createUser({ email: "writer@example.test", name: "كاتب المقال", role: "EDITOR", password: "long enough password" });
    const article = await createArticle();
    await db.article.update({ where: { id: article.id }, data: { authorId: user.id, bylineLabel: "القاهرة - خاص" } });
    const draft = await createArticle({ status: "DRAFT", publishedAt: null });
    await db.article.update({ where: { id: draft.id }, data: { authorId: user.id } });

    assert.deepEqual((await getPublicArticleBySlug(article.slug))?.byline, { name: "كاتب المقال", path: "/authors/%D9%83%D8%A7%D8%AA%D8%A8-%D8%A7%D9%84%D9%85%D9%82%D8%A7%D9%84", kind: "author" });
    assert.deepEqual((await listAuthorArticles(user.id)).map((card) => card.slug), [article.slug]);
  });

  test("the seed's desk label has a source page listing what was signed with it", async () => {
    const seed = await importArticleText(readFileSync(path.join("prisma", "seed", "almnatiq-1101899.txt"), "utf8"));
    const byline = (await getPublicArticleBySlug(seed.slug))?.byline;
    assert.deepEqual(byline, { name: "المناطق_متابعات", path: `/sources/${encodeURIComponent("المناطق-متابعات")}`, kind: "source" });
    assert.equal(await getSourceLabel("المناطق-متابعات"), "المناطق_متابعات");
    assert.equal(await getSourceLabel("مصدر-مجهول"), null);
    assert.deepEqual((await listSourceArticles("المناطق_متابعات")).map((card) => card.slug), [seed.slug]);
  });
});

describe("related articles", () => {
  test("share the section or a tag, newest first, and never include the article itself or unpublished ones", async () => {
    const section = await db.section.create({ data: { name: "اقتصاد للاختبار", slug: "اقتصاد-للاختبار" } });
    const tag = await db.tag.create({ data: { name: "نفط", slug: "نفط" } });
    const dated = async (minutesAgo: number, data: { sectionId?: number; tagged?: boolean; status?: "DRAFT" }) => {
      const article = await createArticle({ publishedAt: new Date(Date.now() - minutesAgo * 60_000), status: data.status });
      await db.article.update({
        where: { id: article.id },
        data: { sectionId: data.sectionId, tags: data.tagged ? { create: { tagId: tag.id } } : undefined },
      });
      return article;
    };
    const subject = await dated(1, { sectionId: section.id, tagged: true });
    const sameSectionOld = await dated(30, { sectionId: section.id });
    const sameTagNew = await dated(5, { tagged: true });
    await dated(2, {});
    await dated(3, { sectionId: section.id, status: "DRAFT" });

    const page = await getPublicArticleBySlug(subject.slug);
    assert.ok(page);
    assert.deepEqual((await listRelatedArticles(page)).map((card) => card.slug), [sameTagNew.slug, sameSectionOld.slug]);
  });
});

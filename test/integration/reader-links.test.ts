import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { getPublicArticleBySlug, listArticlesPage, listRelatedArticles, parseCursor } from "../../lib/articles/reads";
import { getAuthor } from "../../lib/taxonomy/authors";
import { getSourceLabel } from "../../lib/articles/sources";
import { db } from "../../lib/db/client";
import { importArticleText } from "../../lib/import/import-article";
import { createUser } from "../../lib/users/accounts";
import { createArticle } from "../support/factories";

describe("bylines and their pages", () => {
  test("an account gets a unique author slug from its name; its page shows name and bio, not email", async () => {
    const first = await createUser({
      email: "layla1@example.test",
      name: "ليلى حسن",
      role: "AUTHOR",
      password: "long enough password",
      bio: "  مراسلة في القاهرة. ",
    });
    const second = await createUser({
      email: "layla2@example.test",
      name: "ليلى حسن",
      role: "AUTHOR",
      password: "long enough password",
    });
    const slugs = await db.user.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: { slug: true },
      orderBy: { email: "asc" },
    });
    assert.deepEqual(
      slugs.map((row) => row.slug),
      ["ليلى-حسن", "ليلى-حسن-2"],
    );
    assert.deepEqual(await getAuthor("ليلى-حسن"), {
      id: first.id,
      slug: "ليلى-حسن",
      name: "ليلى حسن",
      bio: "مراسلة في القاهرة.",
    });
    assert.equal((await getAuthor(second.id))?.id, second.id);
    assert.equal(await getAuthor("لا-أحد"), null);
  });

  test("an article by an account is signed with its author page; its public articles are listed there", async () => {
    const user = await createUser({
      email: "writer@example.test",
      name: "كاتب المقال",
      role: "EDITOR",
      password: "long enough password",
    });
    const article = await createArticle();
    await db.article.update({ where: { id: article.id }, data: { authorId: user.id, bylineLabel: "القاهرة - خاص" } });
    const draft = await createArticle({ status: "DRAFT", publishedAt: null });
    await db.article.update({ where: { id: draft.id }, data: { authorId: user.id } });

    assert.deepEqual((await getPublicArticleBySlug(article.slug))?.byline, {
      name: "كاتب المقال",
      path: "/authors/%D9%83%D8%A7%D8%AA%D8%A8-%D8%A7%D9%84%D9%85%D9%82%D8%A7%D9%84",
      kind: "author",
    });
    assert.deepEqual(
      (await listArticlesPage({ kind: "author", id: user.id })).articles.map((card) => card.slug),
      [article.slug],
    );
  });

  test("the seed's desk label has a source page listing what was signed with it", async () => {
    const seed = await importArticleText(readFileSync(path.join("prisma", "seed", "almnatiq-1101899.txt"), "utf8"));
    const byline = (await getPublicArticleBySlug(seed.slug))?.byline;
    assert.deepEqual(byline, {
      name: "المناطق_متابعات",
      path: `/sources/${encodeURIComponent("المناطق-متابعات")}`,
      kind: "source",
    });
    assert.equal(await getSourceLabel("المناطق-متابعات"), "المناطق_متابعات");
    assert.equal(await getSourceLabel("مصدر-مجهول"), null);
    assert.deepEqual(
      (await listArticlesPage({ kind: "source", label: "المناطق_متابعات" })).articles.map((card) => card.slug),
      [seed.slug],
    );
  });
});

describe("related articles", () => {
  test("share the section or a tag, newest first, and never include the article itself or unpublished ones", async () => {
    const section = await db.section.create({ data: { name: "اقتصاد للاختبار", slug: "اقتصاد-للاختبار" } });
    const tag = await db.tag.create({ data: { name: "نفط", slug: "نفط" } });
    const dated = async (minutesAgo: number, data: { sectionId?: number; tagged?: boolean; status?: "DRAFT" }) => {
      const article = await createArticle({
        publishedAt: new Date(Date.now() - minutesAgo * 60_000),
        status: data.status,
      });
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
    assert.deepEqual(
      (await listRelatedArticles(page)).map((card) => card.slug),
      [sameTagNew.slug, sameSectionOld.slug],
    );
  });
});

describe("list pages", () => {
  test("page by keyset: no overlap, no gap, and a page keeps its content when newer articles arrive", async () => {
    const section = await db.section.create({ data: { name: "أرشيف طويل", slug: "أرشيف-طويل" } });
    const base = Date.now() - 60 * 60_000;
    const slugs: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      // Two articles share each timestamp, so the id breaks ties.
      const article = await createArticle({ publishedAt: new Date(base + Math.floor(index / 2) * 60_000) });
      await db.article.update({ where: { id: article.id }, data: { sectionId: section.id } });
      slugs.unshift(article.slug);
    }
    const listing = { kind: "section", slug: section.slug } as const;
    const first = await listArticlesPage(listing, { limit: 10 });
    assert.ok(first.olderCursor);
    const second = await listArticlesPage(listing, { limit: 10, before: parseCursor(first.olderCursor) });
    assert.ok(second.olderCursor);
    const third = await listArticlesPage(listing, { limit: 10, before: parseCursor(second.olderCursor) });
    assert.equal(third.olderCursor, null);
    assert.deepEqual(
      [...first.articles, ...second.articles, ...third.articles].map((card) => card.slug),
      slugs,
    );

    const newer = await createArticle();
    await db.article.update({ where: { id: newer.id }, data: { sectionId: section.id } });
    const secondAgain = await listArticlesPage(listing, { limit: 10, before: parseCursor(first.olderCursor) });
    assert.deepEqual(
      secondAgain.articles.map((card) => card.slug),
      second.articles.map((card) => card.slug),
    );
  });

  test("a malformed cursor is not a cursor", () => {
    for (const cursor of [
      "",
      "2026-01-01~1",
      "not-a-date~5",
      "2026-01-01T00:00:00.000Z~",
      "2026-01-01T00:00:00.000Z~1; DROP TABLE",
    ]) {
      assert.equal(parseCursor(cursor), null, cursor);
    }
    assert.deepEqual(parseCursor("2026-01-01T00:00:00.000Z~42"), {
      publishedAt: new Date("2026-01-01T00:00:00.000Z"),
      id: 42,
    });
  });
});

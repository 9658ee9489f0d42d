import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { blockPlainText, parseArticleBody } from "../../lib/articles/body/document";
import { db } from "../../lib/db/client";
import { importArticleText } from "../../lib/import/import-article";
import { ArticleFormatError } from "../../lib/import/parse-article-text";

const SEED_PATH = path.join("prisma", "seed", "almnatiq-1101899.txt");
const seedText = readFileSync(SEED_PATH, "utf8");
const publishedAt = new Date("2022-01-12T08:00:00.000Z");

function pageText({ url, headline, body }: { url: string; headline: string; body: string[] }): string {
  return [headline, "", url, "", ...body.flatMap((paragraph) => [paragraph, ""]), "Advertisements"].join("\n");
}

describe("importing the seed page", () => {
  test("creates a published article with every part of the page mapped", async () => {
    const saved = await importArticleText(seedText, { publishedAt });
    assert.equal(saved.outcome, "created");

    const article = await db.article.findUniqueOrThrow({ where: { id: saved.id }, include: { section: true } });
    assert.equal(article.slug, "الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان");
    assert.equal(article.headline, "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان");
    assert.equal(article.status, "PUBLISHED");
    assert.equal(article.publishedAt?.toISOString(), publishedAt.toISOString());
    assert.equal(article.legacyId, "1101899");
    assert.equal(article.sourceUrl, "https://almnatiq.net/?p=1101899");
    assert.equal(article.section?.name, "متابعات");
    assert.equal(article.bylineLabel, "المناطق_متابعات");
    assert.equal(article.commentsOpen, false);
    assert.equal(article.leadImageUrl, null);
    assert.equal(article.leadImageCredit, "Photo by Handout / Russian Defence Ministry / AFP");
    assert.equal(article.leadImageCaptionLang, "en");
    const paragraphs = parseArticleBody(article.body).blocks.map(blockPlainText);
    assert.equal(paragraphs.length, 9);
    assert.ok(paragraphs.some((text) => text.includes("فسنستمرّ في دعوتها (…) لاحترام")));
  });

  test("importing the same page again writes nothing", async () => {
    const first = await importArticleText(seedText, { publishedAt });
    const before = await db.article.findUniqueOrThrow({ where: { id: first.id } });
    const second = await importArticleText(seedText, { publishedAt: new Date() });
    const after = await db.article.findUniqueOrThrow({ where: { id: first.id } });

    assert.equal(second.outcome, "unchanged");
    assert.equal(second.id, first.id);
    assert.deepEqual(after, before);
    assert.equal(await db.article.count({ where: { legacyId: "1101899" } }), 1);
    assert.equal(await db.section.count({ where: { name: "متابعات" } }), 1);
  });

  test("a changed page updates the same article and keeps its slug and date", async () => {
    const original = await importArticleText(seedText, { publishedAt });
    const edited = seedText.replace("أنجزت مهمّتها", "أنجزت مهمّتها كاملة");
    const updated = await importArticleText(edited, { publishedAt: new Date() });

    assert.equal(updated.outcome, "updated");
    assert.equal(updated.id, original.id);
    assert.equal(updated.slug, original.slug);
    assert.equal(updated.publishedAt?.toISOString(), original.publishedAt?.toISOString());
    const article = await db.article.findUniqueOrThrow({ where: { id: original.id } });
    assert.ok(article.body.includes("أنجزت مهمّتها كاملة"));
    await importArticleText(seedText, { publishedAt });
  });
});

describe("importing other pages", () => {
  test("a malformed page throws and writes nothing", async () => {
    const articlesBefore = await db.article.count();
    const sectionsBefore = await db.section.count();
    const noBody = "عنوان بلا متن\n\nhttps://example.com/?p=77\nقسم\n\nAdvertisements\n";
    await assert.rejects(
      importArticleText(noBody),
      (error) => error instanceof ArticleFormatError && /no body/.test(error.message),
    );
    assert.equal(await db.article.count(), articlesBefore);
    assert.equal(await db.section.count(), sectionsBefore);
  });

  test("a second article with the same headline gets its own slug", async () => {
    const headline = "خبر بعنوان مكرر";
    const first = await importArticleText(
      pageText({ url: "https://example.com/?p=501", headline, body: ["المتن الأول."] }),
    );
    const second = await importArticleText(
      pageText({ url: "https://example.com/?p=502", headline, body: ["المتن الثاني."] }),
    );
    assert.equal(first.slug, "خبر-بعنوان-مكرر");
    assert.equal(second.slug, "خبر-بعنوان-مكرر-2");
  });

  test("a page without a comments widget is open for comments, and without a date is dated at import", async () => {
    const before = Date.now();
    const saved = await importArticleText(
      pageText({ url: "https://example.com/?p=601", headline: "خبر مفتوح للتعليق", body: ["نص الخبر."] }),
    );
    const article = await db.article.findUniqueOrThrow({ where: { id: saved.id } });
    assert.equal(article.commentsOpen, true);
    assert.ok(
      article.publishedAt && article.publishedAt.getTime() >= before && article.publishedAt.getTime() <= Date.now(),
    );
  });
});

describe("npm run import (the command)", () => {
  const run = promisify(execFile);
  const tsx = path.join("node_modules", ".bin", "tsx");
  const importCommand = (...args: string[]) =>
    run(tsx, ["--conditions=react-server", "scripts/cli/import-article.ts", ...args], { env: process.env });

  test("imports a file and reports where the article lives", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "import-cli-"));
    const file = path.join(directory, "page.txt");
    writeFileSync(file, pageText({ url: "https://example.com/?p=701", headline: "خبر من سطر الأوامر", body: ["نص."] }));
    const { stdout } = await importCommand("--published-at", "2024-03-01T10:00:00+03:00", file);
    assert.match(stdout, /^created: .*page\.txt → \/articles\/خبر-من-سطر-الأوامر$/m);
    const article = await db.article.findUniqueOrThrow({ where: { legacyId: "701" } });
    assert.equal(article.publishedAt?.toISOString(), "2024-03-01T07:00:00.000Z");
  });

  test("refuses a file that is not an article page, names the problem, and writes nothing", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "import-cli-"));
    const file = path.join(directory, "notes.txt");
    writeFileSync(file, "مجرد ملاحظات\nبلا رابط ولا متن\n");
    const articlesBefore = await db.article.count();
    await assert.rejects(importCommand(file), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /import failed, nothing written: .*notes\.txt: not an article page: no source URL/);
      return true;
    });
    assert.equal(await db.article.count(), articlesBefore);
  });

  test("refuses a date that is not a date", async () => {
    await assert.rejects(
      importCommand("--published-at", "yesterday", SEED_PATH),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /"yesterday" is not an ISO 8601 date/);
        return true;
      },
    );
  });
});

describe("an import goes through the articles' write path", () => {
  test("a new article takes the site's close-comments-after-N-days default, as the editor's new article does", async () => {
    await db.setting.upsert({
      where: { key: "commentsCloseAfterDays" },
      create: { key: "commentsCloseAfterDays", value: "3" },
      update: { value: "3" },
    });
    try {
      const saved = await importArticleText(
        pageText({ url: "https://example.com/?p=801", headline: "خبر يغلق تعليقه", body: ["نص."] }),
        { publishedAt },
      );
      const article = await db.article.findUniqueOrThrow({ where: { id: saved.id } });
      assert.equal(
        article.commentsCloseAt?.toISOString(),
        new Date(publishedAt.getTime() + 3 * 24 * 60 * 60 * 1000).toISOString(),
      );
    } finally {
      await db.setting.delete({ where: { key: "commentsCloseAfterDays" } });
    }
    const withoutDefault = await importArticleText(
      pageText({ url: "https://example.com/?p=802", headline: "خبر بلا موعد إغلاق", body: ["نص."] }),
      { publishedAt },
    );
    assert.equal((await db.article.findUniqueOrThrow({ where: { id: withoutDefault.id } })).commentsCloseAt, null);
  });

  test("creating and updating each record a revision attributed to the import; an unchanged page records none", async () => {
    const page = { url: "https://example.com/?p=803", headline: "خبر بنسخه", body: ["النص الأول."] };
    const created = await importArticleText(pageText(page), { publishedAt });
    await importArticleText(pageText(page), { publishedAt });
    await importArticleText(pageText({ ...page, body: ["النص بعد التصحيح."] }), { publishedAt });
    const revisions = await db.articleRevision.findMany({ where: { articleId: created.id }, orderBy: { id: "asc" } });
    assert.equal(revisions.length, 2);
    assert.deepEqual(
      revisions.map((revision) => revision.editorId),
      [null, null],
    );
    assert.match(revisions[1].snapshot, /النص بعد التصحيح/);
  });
});

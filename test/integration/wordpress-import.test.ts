import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { parseArticleBody, type ArticleBlock } from "../../lib/articles/body/document";
import { postComment } from "../../lib/comments/posting";
import { db } from "../../lib/db/client";
import { CommentsClosedError } from "../../lib/errors";
import { findLegacyAddress } from "../../lib/import/wordpress/addresses";
import { importWordPressExport } from "../../lib/import/wordpress/import";
import { WordPressExportError } from "../../lib/import/wordpress/scan";
import { findSitePageSlugByLegacyId } from "../../lib/pages/pages";

process.env.COMMENT_RATE_PER_MINUTE = "0";
process.env.COMMENT_RATE_PER_HOUR = "0";

const FIXTURES = path.join("test", "fixtures", "wordpress");
const EXPORT_1_2 = path.join(FIXTURES, "export-1.2.xml");
const EXPORT_1_0 = path.join(FIXTURES, "export-1.0.xml");
const scratch = mkdtempSync(path.join(tmpdir(), "wordpress-import-"));
const uploads = path.join(scratch, "uploads");

async function writeJpeg(file: string, width: number, height: number): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: "#2a6f97" } })
    .jpeg()
    .toFile(file);
}

const articleBySource = (postId: string, site = "https://akhbar.example") =>
  db.article.findUniqueOrThrow({
    where: { sourceUrl: `${site}/?p=${postId}` },
    include: { section: true, author: { include: { accounts: true } }, tags: { include: { tag: true } } },
  });

const blockTypes = (blocks: ArticleBlock[]) => blocks.map((block) => block.type);

async function rowCounts() {
  return {
    articles: await db.article.count(),
    comments: await db.comment.count(),
    users: await db.user.count(),
    media: await db.media.count(),
    addresses: await db.legacyAddress.count(),
    sections: await db.section.count(),
    tags: await db.tag.count(),
  };
}

before(async () => {
  await writeJpeg(path.join(uploads, "2024", "01", "summit.jpg"), 1600, 1000);
  // The classic post's caption and gallery use this one: a file that is not an image.
  mkdirSync(path.join(uploads, "2023", "05"), { recursive: true });
  writeFileSync(path.join(uploads, "2023", "05", "border.jpg"), "not an image");
});

describe("a WordPress export that is not one, or is not well-formed", () => {
  test("malformed XML near the end is refused with its line and column, and nothing is written", async () => {
    const before = await rowCounts();
    await assert.rejects(importWordPressExport(path.join(FIXTURES, "malformed.xml")), (error) => {
      assert.ok(error instanceof WordPressExportError);
      assert.deepEqual(error.position && { line: error.position.line, column: error.position.column }, {
        line: 20,
        column: 7,
      });
      assert.match(error.message, /^line 20, column 7: malformed XML/);
      return true;
    });
    assert.deepEqual(await rowCounts(), before);
  });

  test("an RSS feed, an HTML page, an empty file and an export of an unknown version are refused with the reason", async () => {
    const cases: [string, string, RegExp][] = [
      [
        "feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>y</title></item></channel></rss>',
        /declares no WordPress export namespace/,
      ],
      ["page.xml", "<html><body><p>hello</p></body></html>", /the root element is <html>, not <rss>/],
      ["empty.xml", "", /malformed XML: document must contain a root element/],
      [
        "future.xml",
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><link>https://a.example</link><wp:wxr_version>2.0</wp:wxr_version></channel></rss>',
        /wp:wxr_version is «2.0»/,
      ],
      [
        "entities.xml",
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&b;</title></channel></rss>',
        /malformed XML/,
      ],
    ];
    const before = await rowCounts();
    for (const [name, text, reason] of cases) {
      const file = path.join(scratch, name);
      writeFileSync(file, text);
      await assert.rejects(importWordPressExport(file), (error) => {
        assert.ok(error instanceof WordPressExportError, `${name}: ${String(error)}`);
        assert.match(error.message, reason, name);
        return true;
      });
    }
    assert.deepEqual(await rowCounts(), before);
  });
});

describe("a post no converter can read", () => {
  test("fails alone, with a line in the report; the posts around it are imported", async () => {
    const deep = `${"<div>".repeat(200_000)}نص${"</div>".repeat(200_000)}`;
    const file = path.join(scratch, "deep.xml");
    writeFileSync(
      file,
      `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><link>https://deep.example</link><wp:wxr_version>1.2</wp:wxr_version>
      ${[1, 2, 3]
        .map(
          (id) =>
            `<item><title>خبر ${id}</title><content:encoded><![CDATA[${id === 2 ? deep : "<p>نص عادي</p>"}]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>`,
        )
        .join("\n")}</channel></rss>`,
    );
    const report = await importWordPressExport(file);
    assert.equal(report.articles.created, 2);
    assert.equal(report.articles.failed, 1);
    const failed = report.lines.find((line) => line.postId === "2");
    assert.equal(failed?.outcome, "failed");
    assert.match(failed?.notes[0] ?? "", /^not imported: its content could not be converted/);
    assert.equal(await db.article.count({ where: { sourceUrl: { startsWith: "https://deep.example/" } } }), 2);
  });
});

describe("a dry run", () => {
  test("writes nothing and reports what the import would do", async () => {
    const before = await rowCounts();
    const report = await importWordPressExport(EXPORT_1_2, { dryRun: true, media: { folder: uploads } });
    assert.deepEqual(await rowCounts(), before);
    assert.equal(report.dryRun, true);
    assert.deepEqual(report.items, { post: 5, attachment: 2, page: 1, nav_menu_item: 1 });
    assert.equal(report.articles.created, 5);
    assert.deepEqual(report.articles.byState, { PUBLISHED: 2, SCHEDULED: 1, DRAFT: 1, TRASH: 1 });
    assert.equal(report.comments.imported, 7);
    assert.equal(report.authors.created, 2);
    assert.equal(report.pages.created, 1);
  });
});

describe("importing a WXR 1.2 export (CDATA, the namespace under a prefix of its own)", () => {
  let report: Awaited<ReturnType<typeof importWordPressExport>>;
  before(async () => {
    report = await importWordPressExport(EXPORT_1_2, { media: { folder: uploads }, timeZone: "Asia/Riyadh" });
  });

  test("maps a block-editor post: decoded slug, dek, GMT date, primary category, tags, author, lead image", async () => {
    const article = await articleBySource("101");
    assert.equal(article.slug, "القمة-الاقتصادية");
    assert.equal(article.headline, "القمة الاقتصادية تنطلق في الرياض");
    assert.equal(article.dek, "قادة المنطقة يجتمعون لبحث التكامل الاقتصادي.");
    assert.equal(article.status, "PUBLISHED");
    assert.equal(article.publishedAt?.toISOString(), "2024-01-12T08:00:00.000Z");
    assert.equal(article.legacyId, "101");
    assert.equal(article.commentsOpen, true);
    assert.equal(article.commentsCloseAt, null);
    // The primary category (term 6, اقتصاد) is the section even though سياسة comes second; سياسة is a tag.
    assert.equal(article.section?.name, "اقتصاد");
    assert.deepEqual(article.tags.map(({ tag }) => tag.name).sort(), ["الطاقة", "سياسة"]);
    assert.equal(article.author?.name, "سميرة الخطيب");
    assert.equal(article.author?.role, "AUTHOR");
    assert.deepEqual(article.author?.accounts, [], "an imported author has no password to sign in with");
    assert.match(article.leadImageUrl ?? "", /^\/media\/[a-z0-9-]+\/original-1600x1000\.jpg$/);
    assert.equal(article.leadImageAlt, "قاعة القمة");
    assert.equal(article.leadImageCaption, "قاعة القمة في الرياض (تصوير: سميرة الخطيب)");
  });

  test("turns the body into blocks, the size variant into the imported original, and keeps no script or frame", async () => {
    const article = await articleBySource("101");
    const body = parseArticleBody(article.body);
    assert.deepEqual(blockTypes(body.blocks), ["paragraph", "heading", "list", "image", "quote", "paragraph"]);
    const image = body.blocks[3];
    assert.ok(image.type === "image");
    assert.equal(image.src, article.leadImageUrl, "summit-1024x683.jpg is the same file as the lead image");
    assert.equal(image.caption, "قاعة المؤتمرات قبل الافتتاح");
    assert.equal(await db.media.count(), 1);
    const stored = JSON.stringify(body);
    assert.doesNotMatch(stored, /script|onclick|alert|<iframe/);
    assert.match(stored, /"href":"https:\/\/www.youtube.com\/embed\/abc123"/);
  });

  test("brings every comment with its status and thread; pingbacks are skipped and counted", async () => {
    const article = await articleBySource("101");
    const comments = await db.comment.findMany({ where: { articleId: article.id }, orderBy: { legacyId: "asc" } });
    const byLegacyId = new Map(comments.map((comment) => [comment.legacyId, comment]));
    assert.deepEqual(
      comments.map((comment) => [comment.legacyId, comment.status]),
      [
        ["501", "APPROVED"],
        ["502", "APPROVED"],
        ["503", "APPROVED"],
        ["504", "PENDING"],
        ["505", "SPAM"],
        ["506", "REJECTED"],
      ],
    );
    // 503 answers 502, which answers 501, though the export lists 503 before 502.
    assert.equal(byLegacyId.get("502")?.parentId, byLegacyId.get("501")?.id);
    assert.equal(byLegacyId.get("503")?.parentId, byLegacyId.get("502")?.id);
    assert.equal(byLegacyId.get("501")?.parentId, null);
    assert.equal(byLegacyId.get("501")?.createdAt.toISOString(), "2024-01-12T09:00:00.000Z");
    assert.equal(byLegacyId.get("501")?.authorEmail, "layla@readers.example");
    assert.equal(byLegacyId.get("501")?.fingerprint, null, "the commenter's IP address is not kept");
    assert.equal(report.comments.skippedPingbacks, 1);
  });

  test("a closed post takes no comment once imported; an open one does", async () => {
    const closed = await articleBySource("102");
    assert.equal(closed.commentsOpen, false);
    assert.equal(await db.comment.count({ where: { articleId: closed.id } }), 1, "its old comment is kept");
    const context = { fingerprint: "a".repeat(64) };
    await assert.rejects(
      postComment({ articleId: closed.id, authorName: "قارئ", body: "تعليق جديد" }, context),
      CommentsClosedError,
    );
    assert.equal(await db.comment.count({ where: { articleId: closed.id } }), 1);
    const open = await articleBySource("101");
    const posted = await postComment({ articleId: open.id, authorName: "قارئ", body: "تعليق جديد" }, context);
    assert.equal((await db.comment.findUniqueOrThrow({ where: { id: posted.id } })).articleId, open.id);
  });

  test("a classic post gets paragraphs, its caption an image and its zero GMT date the local date in the site's zone", async () => {
    const article = await articleBySource("102");
    // 2023-05-03 09:15 in Riyadh (UTC+3).
    assert.equal(article.publishedAt?.toISOString(), "2023-05-03T06:15:00.000Z");
    const body = parseArticleBody(article.body);
    assert.deepEqual(
      body.blocks.map((block) => (block.type === "paragraph" && "text" in block ? block.text : block.type)),
      [
        "هذه فقرة أولى كتبت في المحرر الكلاسيكي. وهذا سطر ثانٍ في الفقرة نفسها.",
        // border.jpg is no image: the caption stays, as text.
        "المعبر الحدودي صباحًا",
        'وفقرة ثالثة فيها [contact-form-7 id="9"] ونص بعده.',
        "المعبر الحدودي",
      ],
    );
  });

  test("scheduled, draft and trashed posts keep their state", async () => {
    const scheduled = await articleBySource("103");
    assert.equal(scheduled.status, "SCHEDULED");
    assert.equal(scheduled.publishedAt?.toISOString(), "2031-03-01T09:00:00.000Z");
    const draft = await articleBySource("104");
    assert.equal(draft.status, "DRAFT");
    assert.equal(draft.publishedAt, null);
    assert.equal(draft.slug, "مسودة-لم-تكتمل", "a draft without a slug gets one from its title");
    const trashed = await articleBySource("105");
    assert.ok(trashed.deletedAt, "in the newsroom's trash");
    assert.equal(trashed.status, "PUBLISHED", "with the status it had before");
    assert.equal(trashed.slug, "trashed-post");
  });

  test("the report lists every item skipped or changed, with the reason", () => {
    const notesOf = (postId: string) => report.lines.find((line) => line.postId === postId)?.notes ?? [];
    assert.deepEqual(report.skipped, { nav_menu_item: 1 });
    assert.ok(notesOf("120").some((note) => /nav_menu_item/.test(note)));
    assert.ok(notesOf("101").includes("category سياسة became a tag (an article has one section)"));
    assert.ok(notesOf("101").includes("<script> removed"));
    assert.ok(notesOf("102").includes("shortcode [contact-form-7] kept as text"));
    assert.ok(notesOf("102").includes("gallery image 999 not in the export"));
    assert.ok(
      notesOf("102").some((note) =>
        /^image not imported: 2023\/05\/border\.jpg: refused by the media checks/.test(note),
      ),
    );
    assert.ok(notesOf("102").some((note) => /^no GMT date/.test(note)));
    assert.ok(notesOf("104").includes("status draft: imported as a draft"));
  });

  test("every old address leads to the new one", async () => {
    const summit = await articleBySource("101");
    const path101 = `/articles/${encodeURIComponent(summit.slug)}`;
    const encoded =
      "/2024/01/12/%d8%a7%d9%84%d9%82%d9%85%d8%a9-%d8%a7%d9%84%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af%d9%8a%d8%a9/";
    assert.equal(await findLegacyAddress(encoded), path101);
    assert.equal(await findLegacyAddress(encoded.slice(0, -1)), path101, "without the trailing slash");
    assert.equal(await findLegacyAddress(decodeURIComponent(encoded)), path101, "decoded");
    assert.equal(await findLegacyAddress(`${encoded}summit/`), path101, "the attachment page");
    assert.equal(
      await findLegacyAddress("/category/%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af/"),
      "/sections/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF",
    );
    assert.equal(
      await findLegacyAddress("/category/news/%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9/page/2/"),
      "/sections/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9",
    );
    assert.equal(
      await findLegacyAddress("/tag/%d8%a7%d9%84%d8%b7%d8%a7%d9%82%d8%a9/"),
      "/tags/%D8%A7%D9%84%D8%B7%D8%A7%D9%82%D8%A9",
    );
    assert.match((await findLegacyAddress("/author/samira/")) ?? "", /^\/authors\//);
    assert.equal(await findLegacyAddress("/2023/02/01/trashed-post/"), null, "a trashed article is no one's address");
    assert.equal(await findLegacyAddress("/2024/01/12/no-such-post/"), null);
    assert.equal(await findLegacyAddress("/%E0%A4%A"), null);
  });

  test("importing again updates what changed and adds nothing twice", async () => {
    const before = await rowCounts();
    const edited = path.join(scratch, "export-edited.xml");
    writeFileSync(
      edited,
      readFileSync(EXPORT_1_2, "utf8")
        .replace("القمة الاقتصادية تنطلق في الرياض", "القمة الاقتصادية تختتم أعمالها")
        .replace("<![CDATA[0]]></wordpress:comment_approved>", "<![CDATA[1]]></wordpress:comment_approved>"),
    );
    const unchangedPost = await articleBySource("103");
    const revisionsBefore = await db.articleRevision.count({ where: { articleId: unchangedPost.id } });
    const again = await importWordPressExport(edited, { media: { folder: uploads } });
    // Only post 101 changed (its title, and a comment approved since).
    assert.equal(again.articles.updated, 1);
    assert.equal(again.articles.unchanged, 4);
    assert.equal(again.articles.created, 0);
    assert.equal(
      await db.articleRevision.count({ where: { articleId: unchangedPost.id } }),
      revisionsBefore,
      "an unchanged post gets no new revision",
    );
    assert.equal(again.authors.existing, 2);
    // One more comment: the reader's posted to article 101 by the test above.
    assert.deepEqual(await rowCounts(), before);
    const article = await articleBySource("101");
    assert.equal(article.headline, "القمة الاقتصادية تختتم أعمالها");
    assert.equal(article.slug, "القمة-الاقتصادية", "the slug the first import gave stays");
    const approved = await db.comment.findFirstOrThrow({ where: { articleId: article.id, legacyId: "504" } });
    assert.equal(approved.status, "APPROVED");
  });
});

describe("a WordPress page", () => {
  test("becomes a site page at its own address, which its old address and ?page_id= lead to", async () => {
    const page = await db.sitePage.findUniqueOrThrow({ where: { sourceUrl: "https://akhbar.example/?page_id=110" } });
    assert.equal(page.title, "من نحن");
    assert.equal(page.slug, "about");
    assert.deepEqual(blockTypes(parseArticleBody(page.body).blocks), ["paragraph"]);
    assert.equal(await findLegacyAddress("/about/"), "/pages/about");
    assert.equal(await findSitePageSlugByLegacyId("110"), "about");
  });
});

describe("importing a WXR 1.0 export (no CDATA, no author entries, http)", () => {
  test("reads entities, decodes the slug and keeps the login as the byline", async () => {
    const report = await importWordPressExport(EXPORT_1_0);
    assert.equal(report.wxrVersion, "1.0");
    assert.equal(report.articles.created, 1);
    const article = await articleBySource("7", "http://old.example");
    assert.equal(article.headline, "معرض الكتاب & الندوات");
    assert.equal(article.slug, "معرض-الكتاب");
    assert.equal(article.bylineLabel, "admin");
    assert.equal(article.authorId, null);
    assert.equal(article.section?.name, "ثقافة");
    assert.deepEqual(blockTypes(parseArticleBody(article.body).blocks), ["paragraph"]);
    assert.equal(await db.comment.count({ where: { articleId: article.id } }), 1);
  });
});

describe("importing a WXR 1.1 export (https namespace, CDATA on some fields only)", () => {
  test("is read like the others", async () => {
    const file = path.join(scratch, "export-1.1.xml");
    writeFileSync(
      file,
      readFileSync(EXPORT_1_0, "utf8")
        .replace('xmlns:wp="http://wordpress.org/export/1.0/"', 'xmlns:wp="https://wordpress.org/export/1.1/"')
        .replace("<wp:wxr_version>1.0</wp:wxr_version>", "<wp:wxr_version>1.1</wp:wxr_version>")
        .replaceAll("http://old.example", "https://eleven.example")
        .replace("<wp:status>publish</wp:status>", "<wp:status><![CDATA[publish]]></wp:status>"),
    );
    const report = await importWordPressExport(file);
    assert.equal(report.wxrVersion, "1.1");
    assert.equal(report.articles.created, 1);
    const article = await articleBySource("7", "https://eleven.example");
    assert.equal(article.status, "PUBLISHED");
    assert.equal(article.headline, "معرض الكتاب & الندوات");
    assert.match(article.slug, /^معرض-الكتاب-\d+$/, "the 1.0 import above has the slug: this one gets the next");
    assert.ok(
      report.lines.some((line) =>
        line.notes.some((note) => note.startsWith("slug معرض-الكتاب is taken: معرض-الكتاب-")),
      ),
    );
  });
});

describe("media from where the old site serves it", () => {
  let server: http.Server;
  let baseUrl: string;
  const requested: string[] = [];
  before(async () => {
    const served = path.join(scratch, "served");
    await writeJpeg(path.join(served, "2024", "01", "summit.jpg"), 800, 500);
    server = http.createServer((request, response) => {
      requested.push(request.url ?? "");
      try {
        const file = path.join(served, decodeURIComponent((request.url ?? "").replace(/^\/uploads\//, "")));
        response.end(readFileSync(file));
      } catch {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads/`;
  });
  after(() => server.close());

  test("downloads each file once, and keeps the article when one is missing, with the image reported", async () => {
    // Another site, so that the media of the tests above are not found again.
    const other = path.join(scratch, "other-site.xml");
    writeFileSync(other, readFileSync(EXPORT_1_2, "utf8").replaceAll("akhbar.example", "other.example"));
    const report = await importWordPressExport(other, { media: { baseUrl } });
    const article = await articleBySource("101", "https://other.example");
    assert.match(article.leadImageUrl ?? "", /^\/media\/[a-z0-9-]+\/original-800x500\.jpg$/);
    assert.equal(requested.filter((url) => url === "/uploads/2024/01/summit.jpg").length, 1);
    const closed = await articleBySource("102", "https://other.example");
    assert.ok(closed, "the post whose images are missing is imported");
    const notes = report.lines.find((line) => line.postId === "102")?.notes ?? [];
    assert.ok(
      notes.some((note) => /^image not imported: 2023\/05\/border\.jpg: download answered HTTP 404/.test(note)),
      notes.join("\n"),
    );
  });
});

import assert from "node:assert/strict";
import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { serializeArticleBody, type ArticleBlock } from "../../lib/articles/body/document";
import { db } from "../../lib/db/client";
import { Prisma, type ArticleStatus } from "../../lib/generated/prisma/client";
import { importArticleText } from "../../lib/import/import-article";
import { highlightSegments, RESULTS_PER_PAGE, searchArticles, type SearchOutcome } from "../../lib/search";
import { normalizeArabic } from "../../lib/search/normalize-arabic";
import * as postgresqlSearch from "../../lib/search/postgresql";
import { QUERY_MESSAGES, stripPrefix } from "../../lib/search/query";
import * as sqliteSearch from "../../lib/search/sqlite";
import { testLane } from "../support/test-lane";

const SEED_PATH = path.join("prisma", "seed", "almnatiq-1101899.txt");
const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";
const LANE = testLane();
const MIGRATION = readFileSync(
  LANE === "postgresql"
    ? path.join("prisma", "postgresql", "migrations", "20261129180000_article_search", "migration.sql")
    : path.join("prisma", "migrations", "20261129100000_article_search", "migration.sql"),
  "utf8",
);

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR);

/** A made-up Arabic word no other article contains, that starts with no prefix (و ب ل ف ال). */
function uniqueWord(): string {
  const letters = "تثجحخدذرزسشصضطظعغقكمنهي";
  return Array.from({ length: 7 }, () => letters[randomInt(letters.length)]).join("");
}

interface NewArticle {
  headline?: string;
  dek?: string | null;
  paragraphs?: string[];
  blocks?: ArticleBlock[];
  status?: ArticleStatus;
  publishedAt?: Date | null;
  deletedAt?: Date | null;
}

async function createArticle({
  headline,
  dek = null,
  paragraphs,
  blocks,
  status = "PUBLISHED",
  publishedAt = hoursAgo(1),
  deletedAt = null,
}: NewArticle = {}) {
  const unique = randomUUID().slice(0, 8);
  const body =
    blocks ?? (paragraphs ?? ["فقرة عادية لا تحمل شيئًا مميزًا."]).map((text) => ({ type: "paragraph" as const, text }));
  return db.article.create({
    data: {
      slug: `بحث-${unique}`,
      headline: headline ?? `خبر عادي ${unique}`,
      dek,
      body: serializeArticleBody({ version: 1, blocks: body }),
      status,
      publishedAt,
      deletedAt,
    },
  });
}

type Results = Extract<SearchOutcome, { kind: "results" }>;

async function search(query: string, page: number | string = 1): Promise<Results> {
  const outcome = await searchArticles(query, page);
  assert.equal(
    outcome.kind,
    "results",
    `expected results for ${JSON.stringify(query)}, got ${JSON.stringify(outcome)}`,
  );
  return outcome;
}

async function slugsFor(query: string): Promise<string[]> {
  return (await search(query)).results.map((result) => result.slug);
}

/** The index's row for an article, as each database keeps it. */
interface IndexedArticle {
  /** The text of each field as the index read it (PostgreSQL: the migration's functions on the article's row). */
  headline: string;
  summary: string | null;
  body: string | null;
  /** PostgreSQL only: the stored tsvector, lexeme → its weights. */
  lexemes?: Map<string, string[]>;
}

/**
 * What each database's index holds for an article, and how to rebuild it. SQLite's FTS5 table
 * stores the normalized text itself. PostgreSQL stores a tsvector: its lexemes are checked against
 * the words of normalizeArabic's text, and the text the functions read is checked as SQLite's is.
 */
const searchIndex =
  LANE === "postgresql"
    ? {
        async row(articleId: number): Promise<IndexedArticle | undefined> {
          const rows = await db.$queryRaw<{ headline: string; summary: string | null; body: string | null }[]>`
            SELECT article_search_normalize(a."headline") AS headline, article_search_normalize(a."dek") AS summary,
              article_search_normalize(article_search_body_text(a."body")) AS body
            FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId" WHERE s."articleId" = ${articleId}::integer`;
          if (!rows[0]) return undefined;
          const lexemes = await db.$queryRaw<{ lexeme: string; weights: string[] }[]>`
            SELECT lexeme, weights FROM "ArticleSearch", unnest("document") WHERE "articleId" = ${articleId}::integer`;
          return { ...rows[0], lexemes: new Map(lexemes.map((row) => [row.lexeme, [...new Set(row.weights)].sort()])) };
        },
        snapshot: () =>
          db.$queryRaw<
            unknown[]
          >`SELECT "articleId", "document"::text AS "document" FROM "ArticleSearch" ORDER BY "articleId"`,
        clear: () => db.$executeRaw`DELETE FROM "ArticleSearch"`,
      }
    : {
        async row(articleId: number): Promise<IndexedArticle | undefined> {
          const rows = await db.$queryRaw<
            { headline: string; summary: string | null; body: string | null; articleId: bigint | number }[]
          >`
            SELECT headline, summary, body, articleId FROM "ArticleSearch" WHERE rowid = ${articleId}`;
          if (rows[0]) assert.equal(Number(rows[0].articleId), articleId);
          return rows[0] && { headline: rows[0].headline, summary: rows[0].summary, body: rows[0].body };
        },
        snapshot: () =>
          db.$queryRaw<unknown[]>`SELECT rowid, headline, summary, body, articleId FROM "ArticleSearch" ORDER BY rowid`,
        clear: () => db.$executeRaw`DELETE FROM "ArticleSearch"`,
      };

const indexRow = (articleId: number) => searchIndex.row(articleId);

/**
 * The lexemes PostgreSQL should store for these fields: every word of normalizeArabic's text (the
 * query's word pattern) as written and without up to two prefixes (stripPrefix), with its field's weight.
 */
function expectedLexemes(fields: [text: string | null, weight: "A" | "B" | "D"][]): Map<string, string[]> {
  const weights = new Map<string, Set<string>>();
  for (const [text, weight] of fields) {
    for (const word of normalizeArabic(text ?? "").match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
      for (const variant of [word, stripPrefix(word), stripPrefix(stripPrefix(word))]) {
        weights.set(variant, (weights.get(variant) ?? new Set()).add(weight));
      }
    }
  }
  return new Map([...weights].map(([lexeme, set]) => [lexeme, [...set].sort()]));
}

const sortedEntries = (map: Map<string, string[]> | undefined) =>
  [...(map ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const marked = (text: string, terms: readonly string[]) =>
  highlightSegments(text, terms)
    .filter((segment) => segment.match)
    .map((segment) => segment.text);

let seedSlug: string;

before(async () => {
  const saved = await importArticleText(readFileSync(SEED_PATH, "utf8"), { publishedAt: hoursAgo(48) });
  seedSlug = saved.slug;
});

describe("the index's normalization in SQL", () => {
  // Every character a rule touches, in the three columns, in plain and in nested inline content.
  const EVERY_RULE = "أإآٱ ة ى ؤ ئ كـتـاب بَبًبٌبٍبُبِبّبْهٰذا \u0627\u0654\u0627\u0653\u0627\u0655 KazAKH مؤتمرٌ";
  const blocks: ArticleBlock[] = [
    { type: "paragraph", text: `فقرة: ${EVERY_RULE}` },
    {
      type: "heading",
      level: 2,
      content: [
        { type: "text", text: "عنوانٌ " },
        { type: "strong", content: [{ type: "text", text: "قويّ إذًا" }] },
      ],
    },
    {
      type: "quote",
      paragraphs: [
        {
          type: "paragraph",
          content: [{ type: "link", href: "https://example.com/", content: [{ type: "text", text: "رابطٌ آخر" }] }],
        },
      ],
    },
    {
      type: "list",
      ordered: false,
      items: [
        [{ type: "text", text: "بندٌ أوّل" }],
        [{ type: "emphasis", content: [{ type: "text", text: "ثانٍ مائل" }] }],
      ],
    },
    { type: "image", src: "/media/x.webp", alt: "نص بديل", caption: "تعليق الصورة" },
  ];
  const bodyText = [`فقرة: ${EVERY_RULE}`, "عنوانٌ ", "قويّ إذًا", "رابطٌ آخر", "بندٌ أوّل", "ثانٍ مائل"].join(" ");
  const expectedBody = normalizeArabic(bodyText);
  // Words with one and two prefixes, and words too short to lose theirs.
  const PREFIXED = "والكازاخية وبالأمس للحكومة فقال بسرعة ولد الاب وللمرة";

  test("an insert stores exactly what normalizeArabic gives, for the headline, the dek and the body's text", async () => {
    const [headline, dek] = [`عنوان ${EVERY_RULE}`, `موجز ${EVERY_RULE} ${PREFIXED}`];
    const article = await createArticle({ headline, dek, blocks });
    const row = await indexRow(article.id);
    assert.ok(row);
    assert.equal(row.headline, normalizeArabic(headline));
    assert.equal(row.summary, normalizeArabic(dek));
    assert.equal(row.body, expectedBody);
    // The rules did something: no character they replace is left.
    // eslint-disable-next-line no-misleading-character-class -- the class lists combining marks on purpose, each on its own
    assert.doesNotMatch(row.headline, /[أإآٱةىؤئـ\u064B-\u0655\u0670A-Z]/u);
    if (LANE === "postgresql") {
      assert.deepEqual(
        sortedEntries(row.lexemes),
        sortedEntries(
          expectedLexemes([
            [headline, "A"],
            [dek, "B"],
            [bodyText, "D"],
          ]),
        ),
      );
      assert.ok(
        row.lexemes?.has("كازاخيه") && row.lexemes.has("امس") && row.lexemes.has("مره"),
        "a word loses up to two prefixes",
      );
    }
  });

  test("an update stores the same normalization, and a missing dek stays empty", async () => {
    const article = await createArticle();
    await db.article.update({
      where: { id: article.id },
      data: { headline: EVERY_RULE, dek: null, body: serializeArticleBody({ version: 1, blocks }) },
    });
    const row = await indexRow(article.id);
    assert.ok(row);
    assert.equal(row.headline, normalizeArabic(EVERY_RULE));
    assert.equal(row.summary, null);
    assert.equal(row.body, expectedBody);
    if (LANE === "postgresql") {
      assert.deepEqual(
        sortedEntries(row.lexemes),
        sortedEntries(
          expectedLexemes([
            [EVERY_RULE, "A"],
            [bodyText, "D"],
          ]),
        ),
      );
    }
  });

  test("the migration's backfill builds the same rows as the triggers", async () => {
    await createArticle({ headline: `عنوان ${EVERY_RULE}`, dek: EVERY_RULE, blocks });
    const before = await searchIndex.snapshot();
    assert.ok(before.length > 1);
    const backfill = MIGRATION.slice(
      MIGRATION.indexOf('INSERT INTO "ArticleSearch"', MIGRATION.indexOf("-- Backfill")),
    );
    assert.match(backfill, /FROM "Article" a;\s*$/);
    await db.$transaction([searchIndex.clear(), db.$executeRawUnsafe(backfill)]);
    assert.deepEqual(await searchIndex.snapshot(), before);
  });
});

describe("Arabic as readers type it (the seed article)", () => {
  test("كازاخستان finds the seed, with or without tashkeel and tatweel", async () => {
    for (const query of ["كازاخستان", "كازَاخِسْتان", "كَازَاخِسْتَانَ", "كازاخـستان", "  كازاخستان  "]) {
      assert.ok((await slugsFor(query)).includes(seedSlug), query);
    }
  });

  test("a bare alef finds words written with أ and إ, and the match is marked in the original spelling", async () => {
    const american = await search("الامريكية");
    const seed = american.results.find((result) => result.slug === seedSlug);
    assert.ok(seed, "الامريكية");
    assert.deepEqual(marked(seed.excerpt, american.terms), ["الأمريكية"]);

    assert.ok((await slugsFor("اعادة بسط الامن")).includes(seedSlug));
    assert.ok((await slugsFor("انتوني بلينكن")).includes(seedSlug));
    // The text's shadda does not stop a query typed without it: المتّحدة.
    assert.ok((await slugsFor("المتحدة ترحب")).includes(seedSlug));
  });

  test("the definite article and the prefixes و ب ل ف do not stop a match", async () => {
    for (const query of [
      "بكازاخستان",
      "وكازاخستان",
      "لكازاخستان",
      "فكازاخستان",
      "والروسي",
      "بالكازاخية",
      "للكازاخية",
      "الكازاخستان",
    ]) {
      assert.ok((await slugsFor(query)).includes(seedSlug), query);
    }
  });

  test("the headline is marked where the query matched it", async () => {
    const outcome = await search("كازاخستان");
    const seed = outcome.results.find((result) => result.slug === seedSlug)!;
    assert.equal(seed.headline, SEED_HEADLINE);
    assert.deepEqual(marked(seed.headline, outcome.terms), ["كازاخستان"]);
    assert.ok(seed.section && seed.section.name === "متابعات");
  });

  test("every word must match: a word the seed lacks leaves it out", async () => {
    assert.ok((await slugsFor("كازاخستان روسيا")).includes(seedSlug));
    assert.ok(!(await slugsFor(`كازاخستان ${uniqueWord()}`)).includes(seedSlug));
  });
});

describe("words, prefixes and diacritics in new articles", () => {
  test("a query with the definite article finds the word written without it, and the other way round", async () => {
    const word = uniqueWord();
    const bare = await createArticle({ paragraphs: [`تقرير عن ال${word}ية في الصحافة`] });
    const plain = await createArticle({ paragraphs: [`تقرير عن ${word}ية وحدها`] });
    assert.deepEqual((await slugsFor(`ال${word}ية`)).sort(), [bare.slug, plain.slug].sort());
    assert.deepEqual((await slugsFor(`${word}ية`)).sort(), [bare.slug, plain.slug].sort());
  });

  test("a word with a prefix written onto it is found by the bare word; ة, ى, ؤ, ئ are read as ه, ي, و, ي", async () => {
    const word = uniqueWord();
    const article = await createArticle({
      headline: `و${word}ة تنتظر مؤتمرًا ومستشفى جديدًا`,
      paragraphs: [`وقال رئيسٌ إنّ ${word}ة بخير.`],
    });
    for (const query of [
      word,
      `${word}ه`,
      `${word}ة`,
      `مستشفي ${word}`,
      `موتمرا ${word}`,
      `رييس ${word}`,
      `ان ${word}`,
    ]) {
      assert.deepEqual(await slugsFor(query), [article.slug], query);
    }
  });

  test("tashkeel and tatweel in the article do not stop a plain query, nor the other way round", async () => {
    const article = await createArticle({ paragraphs: ["اجتماعٌ طارِئٌ لِمجلسِ الأمـــن الدّولي في جنيڤ"] });
    const marker = await createArticle({ paragraphs: ["اجتماع طارئ لمجلس الامن الدولي في جنيڤ"] });
    const both = [article.slug, marker.slug].sort();
    assert.deepEqual((await slugsFor("اجتماع طارئ لمجلس الأمن الدولي جنيڤ")).sort(), both);
    assert.deepEqual((await slugsFor("اجْتِماعٌ طارِئ لِمَجْلِس الأمـن الدَّوْلي جنيڤ")).sort(), both);
  });

  test("words are found in headings, quotes, lists and links of a rich body", async () => {
    const [inHeading, inQuote, inList, inLink] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
    const article = await createArticle({
      blocks: [
        {
          type: "heading",
          level: 2,
          content: [{ type: "strong", content: [{ type: "text", text: `عنوان ${inHeading}` }] }],
        },
        { type: "quote", paragraphs: [{ type: "paragraph", text: `قال: ${inQuote}` }] },
        { type: "list", ordered: true, items: [[{ type: "text", text: `بند ${inList}` }]] },
        {
          type: "paragraph",
          content: [
            {
              type: "link",
              href: "https://example.com/",
              content: [{ type: "emphasis", content: [{ type: "text", text: inLink }] }],
            },
          ],
        },
      ],
    });
    for (const word of [inHeading, inQuote, inList, inLink])
      assert.deepEqual(await slugsFor(word), [article.slug], word);
  });

  test("the excerpt is the text around the first match in the body, marked; a headline-only match shows the dek", async () => {
    const word = uniqueWord();
    const filler = Array.from({ length: 60 }, (_, index) => `جملة رقم ${index} لا تخص البحث.`).join(" ");
    const deep = await createArticle({ paragraphs: [filler, `وفي النهاية ذُكرت ${word} مرة واحدة.`, filler] });
    const headlineOnly = await createArticle({ headline: `عنوان فيه ${word}`, dek: "موجز الخبر كما كتبه المحرر." });
    const outcome = await search(word);
    const deepResult = outcome.results.find((result) => result.slug === deep.slug)!;
    assert.ok(deepResult.excerpt.startsWith("…"), deepResult.excerpt);
    assert.ok(deepResult.excerpt.length <= 250, String(deepResult.excerpt.length));
    assert.deepEqual(marked(deepResult.excerpt, outcome.terms), [word]);
    assert.equal(
      outcome.results.find((result) => result.slug === headlineOnly.slug)?.excerpt,
      "موجز الخبر كما كتبه المحرر.",
    );
  });
});

describe("ranking", () => {
  test("a match in the headline ranks above a match only in the body, even when the body match is newer", async () => {
    const word = uniqueWord();
    const inBody = await createArticle({ paragraphs: [`تفاصيل عن ${word} في آخر الفقرة.`], publishedAt: hoursAgo(1) });
    const inHeadline = await createArticle({ headline: `${word} في العنوان`, publishedAt: hoursAgo(30) });
    const inDek = await createArticle({ dek: `موجز عن ${word} هنا`, publishedAt: hoursAgo(2) });
    assert.deepEqual(await slugsFor(word), [inHeadline.slug, inDek.slug, inBody.slug]);
  });

  test("equal relevance goes to the newer article", async () => {
    const word = uniqueWord();
    const same = { headline: `خبر عن ${word}`, paragraphs: [`النص نفسه عن ${word}.`] };
    const older = await createArticle({ ...same, publishedAt: hoursAgo(20) });
    const newest = await createArticle({ ...same, publishedAt: hoursAgo(1) });
    const middle = await createArticle({ ...same, publishedAt: hoursAgo(5) });
    assert.deepEqual(await slugsFor(word), [newest.slug, middle.slug, older.slug]);
  });
});

describe("what readers may find", () => {
  test("drafts, articles scheduled for later and trashed articles are never found", async () => {
    const word = uniqueWord();
    const headline = `خبر ${word}`;
    const published = await createArticle({ headline });
    const due = await createArticle({ headline, status: "SCHEDULED", publishedAt: new Date(Date.now() - 1000) });
    await createArticle({ headline, status: "DRAFT", publishedAt: null });
    await createArticle({ headline, status: "DRAFT", publishedAt: hoursAgo(2) });
    await createArticle({ headline, status: "SCHEDULED", publishedAt: new Date(Date.now() + HOUR) });
    await createArticle({ headline, deletedAt: new Date() });
    const outcome = await search(word);
    assert.equal(outcome.total, 2);
    assert.deepEqual(outcome.results.map((result) => result.slug).sort(), [published.slug, due.slug].sort());
  });

  test("a scheduled article is found once its time has come", async () => {
    const word = uniqueWord();
    const article = await createArticle({
      headline: `خبر ${word}`,
      status: "SCHEDULED",
      publishedAt: new Date(Date.now() + HOUR),
    });
    assert.deepEqual(await slugsFor(word), []);
    const later = await searchArticles(word, 1, { now: new Date(Date.now() + 2 * HOUR) });
    assert.deepEqual(later.kind === "results" && later.results.map((result) => result.slug), [article.slug]);
  });
});

describe("the index follows every write", () => {
  test("an article whose text is a megabyte of different words is stored, and found by its headline and its body's first words", async () => {
    // Over a tsvector's 1 MB on PostgreSQL: its trigger then indexes the body's first 100,000 characters.
    const [headlineWord, firstWord, editedWord] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const words = (count: number) => Array.from({ length: count }, uniqueWord).join(" ");
    const article = await createArticle({
      headline: `خبر ${headlineWord}`,
      paragraphs: [`${firstWord} ${words(130_000)}`],
    });
    assert.deepEqual(await slugsFor(headlineWord), [article.slug]);
    assert.deepEqual(await slugsFor(firstWord), [article.slug]);
    await db.article.update({
      where: { id: article.id },
      data: {
        body: serializeArticleBody({
          version: 1,
          blocks: [{ type: "paragraph", text: `${editedWord} ${words(130_000)}` }],
        }),
      },
    });
    assert.deepEqual(await slugsFor(editedWord), [article.slug]);
    assert.deepEqual(await slugsFor(firstWord), []);
  });

  test("an edited headline: the old word is no longer found, the new one is, at once", async () => {
    const [oldWord, newWord] = [uniqueWord(), uniqueWord()];
    const article = await createArticle({ headline: `خبر ${oldWord}` });
    assert.deepEqual(await slugsFor(oldWord), [article.slug]);
    await db.article.update({ where: { id: article.id }, data: { headline: `خبر ${newWord}` } });
    assert.deepEqual(await slugsFor(oldWord), []);
    assert.deepEqual(await slugsFor(newWord), [article.slug]);
  });

  test("an edited dek and body are followed too, and other edits leave the index as it was", async () => {
    const [dekWord, bodyWord, newWord] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const article = await createArticle({ dek: `موجز ${dekWord}`, paragraphs: [`نص ${bodyWord}`] });
    await db.article.update({
      where: { id: article.id },
      data: {
        dek: null,
        body: serializeArticleBody({ version: 1, blocks: [{ type: "paragraph", text: `نص ${newWord}` }] }),
      },
    });
    assert.deepEqual(await slugsFor(dekWord), []);
    assert.deepEqual(await slugsFor(bodyWord), []);
    assert.deepEqual(await slugsFor(newWord), [article.slug]);
    await db.article.update({ where: { id: article.id }, data: { commentsOpen: false, bylineLabel: "مراسلنا" } });
    assert.deepEqual(await slugsFor(newWord), [article.slug]);
  });

  test("trash hides an article, restoring shows it again, and deleting removes it from the index", async () => {
    const word = uniqueWord();
    const article = await createArticle({ headline: `خبر ${word}` });
    await db.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    assert.deepEqual(await slugsFor(word), []);
    await db.article.update({ where: { id: article.id }, data: { deletedAt: null } });
    assert.deepEqual(await slugsFor(word), [article.slug]);
    await db.article.delete({ where: { id: article.id } });
    assert.deepEqual(await slugsFor(word), []);
    assert.equal(await indexRow(article.id), undefined);
  });

  test("importing the seed again changes nothing, and an import that edits an article re-indexes it", async () => {
    const word = uniqueWord();
    const text = readFileSync(SEED_PATH, "utf8");
    assert.equal((await importArticleText(text)).outcome, "unchanged");
    const edited = text.replace("وكان رئيس كازاخستان", `وكان رئيس كازاخستان ${word}`);
    assert.equal((await importArticleText(edited)).outcome, "updated");
    assert.deepEqual(await slugsFor(word), [seedSlug]);
    await importArticleText(text);
    assert.deepEqual(await slugsFor(word), []);
  });
});

describe("queries that are not words", () => {
  test("FTS5 syntax is searched as text or ignored, and never throws", async () => {
    const queries = [
      '"',
      '"كازاخستان',
      'كازاخستان"',
      '""""',
      "*",
      "كازاخ*",
      "NEAR(",
      "NEAR(كازاخستان روسيا, 2)",
      "(",
      "(كازاخستان",
      ")",
      "-",
      "-كازاخستان",
      "كازاخستان -روسيا",
      ":",
      "headline:كازاخستان",
      "body : روسيا",
      "OR",
      "كازاخستان OR روسيا",
      "AND NOT",
      "كازاخستان NOT روسيا",
      "^كازاخستان",
      "{headline body}: كازاخستان",
      "كاز + اخستان",
      '\'; DROP TABLE "Article"; --',
      "كازاخستان\u0000",
      "\uD800كازاخستان",
      "%_%",
      "\\",
    ];
    for (const query of queries) {
      const outcome = await searchArticles(query, 1);
      assert.ok(["results", "invalid"].includes(outcome.kind), query);
    }
    assert.ok((await slugsFor("كازاخستان OR روسيا")).includes(seedSlug));
    assert.ok((await slugsFor('"كازاخستان"')).includes(seedSlug));
    assert.ok((await slugsFor("headline:كازاخستان")).length === 0, "the word headline is searched for, not a column");
    assert.ok((await db.article.count()) > 0);
  });

  test("empty, too short and too long queries get their Arabic message, not a search", async () => {
    assert.deepEqual(await searchArticles("", 1), { kind: "invalid", message: QUERY_MESSAGES.empty });
    assert.deepEqual(await searchArticles(undefined, 1), { kind: "invalid", message: QUERY_MESSAGES.empty });
    assert.deepEqual(await searchArticles('"*()-:', 1), { kind: "invalid", message: QUERY_MESSAGES.empty });
    assert.deepEqual(await searchArticles("من", 1), { kind: "invalid", message: QUERY_MESSAGES.tooShort });
    assert.deepEqual(await searchArticles("ك".repeat(201), 1), { kind: "invalid", message: QUERY_MESSAGES.tooLong });
    assert.equal((await searchArticles("ك".repeat(200), 1)).kind, "results");
  });
});

describe("pages of results", () => {
  test("totals, page counts, clamped page numbers and pages that neither repeat nor skip", async () => {
    const word = uniqueWord();
    const created = [];
    for (let index = 0; index < 45; index += 1) {
      created.push(await createArticle({ headline: `خبر ${word}`, publishedAt: hoursAgo(index + 1) }));
    }
    const newestFirst = created.map((article) => article.slug);

    const first = await search(word, 1);
    assert.equal(first.total, 45);
    assert.equal(first.pageCount, 3);
    assert.equal(first.page, 1);
    assert.equal(first.results.length, RESULTS_PER_PAGE);
    const second = await search(word, "2");
    const third = await search(word, 3);
    assert.equal(third.results.length, 5);
    assert.deepEqual(
      [...first.results, ...second.results, ...third.results].map((result) => result.slug),
      newestFirst,
    );

    assert.equal((await search(word, 99)).page, 3);
    assert.deepEqual((await search(word, 99)).results, third.results);
    for (const page of [0, -2, "abc", "", Number.NaN]) assert.equal((await search(word, page)).page, 1, String(page));
  });

  test("no match is an empty first page, not an error", async () => {
    const outcome = await search(uniqueWord(), 4);
    assert.deepEqual(
      { ...outcome, terms: [] },
      { kind: "results", total: 0, page: 1, pageCount: 1, results: [], terms: [] },
    );
  });
});

describe("the full-text index answers the search", () => {
  test("among a thousand articles, the search statement reads the full-text index, not every article", async () => {
    const word = uniqueWord();
    const body = serializeArticleBody({
      version: 1,
      blocks: [{ type: "paragraph", text: "فقرة عادية لا تحمل شيئًا مميزًا." }],
    });
    await db.article.createMany({
      data: Array.from({ length: 1000 }, (_, index) => ({
        slug: `حشو-${randomUUID()}`,
        headline: `خبر عادي رقم ${index}`,
        body,
        status: "PUBLISHED" as const,
        publishedAt: hoursAgo(index + 1),
      })),
    });
    const target = await createArticle({ headline: `خبر ${word}` });
    const window = { limit: RESULTS_PER_PAGE, offset: 0, now: new Date() };
    if (LANE === "postgresql") {
      // A thousand short rows are still cheaper to read in order than through the GIN index, so
      // plain scans are priced out, as a newsroom's archive prices them: what is checked is that the
      // GIN index can answer this statement (its tsquery is a constant), not the planner's taste at
      // this size.
      await db.$executeRaw`ANALYZE "Article", "ArticleSearch"`;
      const [, , plan] = await db.$transaction([
        db.$executeRaw`SET LOCAL enable_seqscan = off`,
        db.$executeRaw`SET LOCAL enable_indexscan = off`,
        db.$queryRaw<{ "QUERY PLAN": string }[]>(
          Prisma.sql`EXPLAIN ${postgresqlSearch.searchStatement([word], window)}`,
        ),
      ]);
      const lines = plan.map((row) => row["QUERY PLAN"]).join("\n");
      assert.match(lines, /Bitmap Index Scan on "ArticleSearch_document_idx"/, lines);
      assert.doesNotMatch(lines, /Seq Scan/, lines);
    } else {
      const plan = await db.$queryRaw<{ detail: string }[]>(
        Prisma.sql`EXPLAIN QUERY PLAN ${sqliteSearch.searchStatement([word], window)}`,
      );
      const lines = plan.map((row) => row.detail).join("\n");
      assert.match(lines, /^SCAN ArticleSearch VIRTUAL TABLE INDEX /m, lines);
      assert.match(lines, /^SEARCH a USING INTEGER PRIMARY KEY/m, lines);
    }
    assert.deepEqual(await slugsFor(word), [target.slug]);
  });
});

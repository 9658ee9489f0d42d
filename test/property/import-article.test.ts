// Property: whatever text the importer is given (the seed page mutated line by line, pages built
// from hostile text, or plain garbage), it either refuses it with ArticleFormatError and writes
// nothing, or stores exactly what the parser read (each piece a trimmed line of the file), as an
// article readers can open.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { blockPlainText, parseArticleBody } from "../../lib/articles/body/document";
import { getPublicArticleBySlug } from "../../lib/articles/reads";
import { db } from "../../lib/db/client";
import { importArticleText } from "../../lib/import/import-article";
import { ArticleFormatError, parseArticleText, type ParsedArticle } from "../../lib/import/parse-article-text";
import { slugify } from "../../lib/slug";
import { arabicWord, hostileText, hugeText, inertText } from "./hostile-text";
import { countRows } from "./row-counts";

const SEED_LINES = readFileSync(path.join("prisma", "seed", "almnatiq-1101899.txt"), "utf8").split("\n");
const PUBLISHED_AT = new Date("2022-01-12T08:00:00.000Z");
const FURNITURE = ["التعليقات (٠) اضف تعليق", "التعليقات مغلقة", "Advertisements", "إعلان"];

/** The lines as the parser sees them: BOM gone, split on any line ending, trimmed, blank ones dropped. */
function inputLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const oneLine = (text: string) => text.replace(/[\r\n]/g, " ");

const urlArbitrary = fc.oneof(
  fc.nat().map((id) => `https://example.com/?p=${id}`),
  fc.nat().map((id) => `https://example.com/news/${id}/`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  hostileText({ maxPieces: 2 }).map((noise) => `https://example.com/${oneLine(noise)}`),
  fc.constantFrom(
    "https://",
    "http://[::1",
    "https://exa mple.com/?p=1",
    "ftp://example.com/?p=2",
    "https://almnatiq.net/?p=1101899",
  ),
);

type Mutation =
  | { kind: "delete" | "duplicate"; at: number }
  | { kind: "swap"; at: number; other: number }
  | { kind: "insert" | "replace" | "splice"; at: number; offset: number; text: string }
  | { kind: "url"; url: string }
  | { kind: "truncate"; fraction: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constantFrom("insert" as const, "replace" as const, "splice" as const),
    at: fc.nat(),
    offset: fc.nat(),
    text: hostileText({ maxPieces: 4 }),
  }),
  fc.record({ kind: fc.constant("url" as const), url: urlArbitrary }),
  fc.record({ kind: fc.constant("truncate" as const), fraction: fc.double({ min: 0.3, max: 1, noNaN: true }) }),
);

function mutate(lines: string[], mutation: Mutation): string[] {
  const result = [...lines];
  const at = "at" in mutation ? mutation.at % Math.max(1, result.length) : 0;
  switch (mutation.kind) {
    case "delete":
      result.splice(at, 1);
      break;
    case "duplicate":
      result.splice(at, 0, result[at] ?? "");
      break;
    case "swap": {
      const other = mutation.other % Math.max(1, result.length);
      [result[at], result[other]] = [result[other] ?? "", result[at] ?? ""];
      break;
    }
    case "insert":
      result.splice(at, 0, mutation.text);
      break;
    case "replace":
      result[at] = mutation.text;
      break;
    case "splice": {
      const line = result[at] ?? "";
      const offset = mutation.offset % (line.length + 1);
      result[at] = line.slice(0, offset) + mutation.text + line.slice(offset);
      break;
    }
    case "url":
      return result.map((line) => (/^https?:\/\//.test(line) ? mutation.url : line));
    case "truncate":
      return result
        .join("\n")
        .slice(0, Math.floor(result.join("\n").length * mutation.fraction))
        .split("\n");
  }
  return result;
}

const mutatedSeed = fc
  .tuple(fc.array(mutationArbitrary, { minLength: 1, maxLength: 5 }), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean())
  .map(([mutations, lineEnd, bom]) => (bom ? "\uFEFF" : "") + mutations.reduce(mutate, SEED_LINES).join(lineEnd));

const lineText = fc
  .oneof({ arbitrary: inertText, weight: 3 }, { arbitrary: hostileText({ maxPieces: 5 }), weight: 1 })
  .map(oneLine);
/** One section spelled several ways: with tashkeel, tatweel, another case, a direction mark. */
const sectionSpelling = fc.constantFrom("متابعات", "مُتابعات", "متابعـات", "متابعات\u200F", "News", "news", "NEWS");
const builtPage = fc
  .record({
    headline: lineText,
    repeatHeadline: fc.boolean(),
    caption: fc.option(
      fc
        .tuple(lineText, fc.constantFrom("(Photo by AFP)", "(تصوير: وكالة)", "(photo by", ""))
        .map((parts) => parts.join(" ")),
    ),
    url: urlArbitrary,
    label: fc.option(
      fc
        .tuple(
          fc.oneof(arabicWord, lineText),
          fc.oneof({ arbitrary: lineText, weight: 1 }, { arbitrary: sectionSpelling, weight: 2 }),
        )
        .map(([publication, section]) => `${publication}_${section}`.slice(0, 70)),
    ),
    paragraphs: fc.array(lineText, { minLength: 1, maxLength: 5 }),
    furniture: fc.subarray(FURNITURE),
  })
  .map((page) =>
    [
      page.headline,
      "",
      ...(page.repeatHeadline ? [page.headline] : []),
      ...(page.caption === null ? [] : [page.caption]),
      page.url,
      ...(page.label === null ? [] : [page.label]),
      "",
      ...page.paragraphs.flatMap((paragraph) => [paragraph, ""]),
      ...page.furniture,
    ].join("\n"),
  );

const anyPage = fc.oneof(
  { arbitrary: mutatedSeed, weight: 4 },
  { arbitrary: builtPage, weight: 4 },
  { arbitrary: hostileText({ maxPieces: 30 }), weight: 1 },
);

function assertClearRefusal(error: unknown, text: string): void {
  if (!(error instanceof ArticleFormatError)) throw error;
  assert.ok(error.reason.trim().length > 0, "a refusal must say why");
  if (error.line !== undefined) {
    assert.ok(
      error.line >= 1 && error.line <= text.split(/\r\n|\r|\n/).length,
      `line ${error.line} is not in the file`,
    );
  }
}

/** Every piece of text the parser keeps is a line of the file, exactly as written (trimmed). */
function assertTextAsWritten(parsed: ParsedArticle, text: string): void {
  const lines = new Set(inputLines(text));
  for (const piece of [parsed.headline, ...parsed.paragraphs, ...(parsed.bylineLabel ? [parsed.bylineLabel] : [])]) {
    assert.ok(lines.has(piece), `not a line of the file: ${JSON.stringify(piece)}`);
  }
  assert.ok(slugify(parsed.headline).length > 0, "a headline with no letters gives no address");
}

async function checkImport(text: string): Promise<void> {
  const before = await countRows();
  let parsed: ParsedArticle;
  try {
    parsed = parseArticleText(text);
  } catch (error) {
    assertClearRefusal(error, text);
    await assert.rejects(
      importArticleText(text, { publishedAt: PUBLISHED_AT }),
      (imported) => imported instanceof ArticleFormatError,
    );
    assert.deepEqual(await countRows(), before, "a refused import wrote rows");
    return;
  }
  assertTextAsWritten(parsed, text);

  const saved = await importArticleText(text, { publishedAt: PUBLISHED_AT });
  const row = await db.article.findUniqueOrThrow({ where: { id: saved.id }, include: { section: true } });
  assert.deepEqual(
    {
      headline: row.headline,
      paragraphs: parseArticleBody(row.body).blocks.map(blockPlainText),
      sourceUrl: row.sourceUrl,
      legacyId: row.legacyId,
      bylineLabel: row.bylineLabel,
      caption: row.leadImageCaption,
      credit: row.leadImageCredit,
      rights: row.leadImageRights,
      captionLang: row.leadImageCaptionLang,
      commentsOpen: row.commentsOpen,
    },
    {
      headline: parsed.headline,
      paragraphs: parsed.paragraphs,
      sourceUrl: parsed.sourceUrl,
      legacyId: parsed.legacyId,
      bylineLabel: parsed.bylineLabel,
      caption: parsed.leadImage?.caption ?? null,
      credit: parsed.leadImage?.credit ?? null,
      rights: parsed.leadImage?.rights ?? null,
      captionLang: parsed.leadImage?.captionLang ?? null,
      commentsOpen: parsed.commentsOpen,
    },
  );
  // A section is the one with the name's address: an existing section may spell it differently.
  assert.equal(row.section?.slug ?? null, parsed.sectionName && slugify(parsed.sectionName));
  assert.notEqual(row.section?.slug, "");
  const page = await getPublicArticleBySlug(row.slug);
  assert.equal(page?.headline, parsed.headline, `the article at /articles/${row.slug} cannot be opened`);
}

describe("importing generated pages", () => {
  test("parseArticleText reads a page or refuses it with ArticleFormatError; kept text is the file's own lines", () => {
    fc.assert(
      fc.property(anyPage, (text) => {
        try {
          assertTextAsWritten(parseArticleText(text), text);
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
          assertClearRefusal(error, text);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("importArticleText refuses and writes nothing, or stores exactly what was read", async () => {
    await fc.assert(fc.asyncProperty(anyPage, checkImport), { numRuns: 150 });
  });

  test("a megabyte of text, alone or as a paragraph of the seed page, is refused or stored whole", async () => {
    const withHugeParagraph = fc
      .tuple(hugeText, fc.integer({ min: 7, max: 20 }))
      .map(([huge, at]) => mutate(SEED_LINES, { kind: "insert", at, offset: 0, text: oneLine(huge) }).join("\n"));
    await fc.assert(fc.asyncProperty(fc.oneof(hugeText, withHugeParagraph), checkImport), { numRuns: 3 });
  });
});

describe("import refusals and sections the properties found", () => {
  const page = (headline: string, id: number, label = "", body = "نص الخبر.") =>
    [headline, "", `https://fixed.example/?p=${id}`, label, body, ""].join("\n");

  test("a headline with no letters or digits is refused (it gave an article the empty address)", async () => {
    const before = await countRows();
    await assert.rejects(
      importArticleText(page("!", 1)),
      (error) => error instanceof ArticleFormatError && error.line === 1 && /no letters or digits/.test(error.message),
    );
    assert.deepEqual(await countRows(), before);
  });

  test("a lone surrogate is refused as not Unicode (the database driver threw on it)", async () => {
    const before = await countRows();
    await assert.rejects(
      importArticleText(page("عنوان \uD800", 2)),
      (error) => error instanceof ArticleFormatError && /lone UTF-16 surrogate/.test(error.message),
    );
    assert.deepEqual(await countRows(), before);
  });

  test("a desk label spelled with tashkeel joins the section of the same address (it threw on the unique slug)", async () => {
    const first = await importArticleText(page("خبر القسم الأول", 3, "المناطق_أخبار"));
    const second = await importArticleText(page("خبر القسم الثاني", 4, "المناطق_أَخبار"));
    const sections = await db.article.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: { section: { select: { name: true } } },
    });
    assert.deepEqual(
      sections.map(({ section }) => section?.name),
      ["أخبار", "أخبار"],
    );
  });

  test("a desk label whose section part has no letters gives no section (it made one with an empty address)", async () => {
    const saved = await importArticleText(page("خبر بلا قسم", 5, "المناطق_💥"));
    const article = await db.article.findUniqueOrThrow({ where: { id: saved.id } });
    assert.deepEqual([article.bylineLabel, article.sectionId], ["المناطق_💥", null]);
  });
});

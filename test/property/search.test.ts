// Property: nothing a reader types into the search box is FTS5 or tsquery syntax, or SQL.
// parseSearchQuery turns any string into an Arabic message or words of letters, digits and marks
// only; SQLite's search quotes each for FTS5, PostgreSQL's makes each a quoted prefix lexeme of a
// tsquery. The search over the real index (FTS5, or the tsvector's GIN index) never throws: it
// answers a message or a list.
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { before, describe, test } from "node:test";
import fc from "fast-check";
import { db } from "../../lib/db/client";
import { importArticleText } from "../../lib/import/import-article";
import { RESULTS_PER_PAGE, searchArticles } from "../../lib/search";
import { ftsMatch, MAX_QUERY_LENGTH, MIN_TERM_LENGTH, parseSearchQuery, QUERY_MESSAGES } from "../../lib/search/query";
import { testLane } from "../support/test-lane";
import { arabicWord, FRAGMENTS, hostilePiece, hostileText, hugeText, isArabicMessage } from "./hostile-text";

const FTS_SYNTAX = [
  "AND",
  "OR",
  "NOT",
  "NEAR",
  "NEAR(",
  "near/3",
  "headline:",
  "body:",
  "summary:",
  "articleId:",
  "{headline body}:",
  "-headline:",
  "*",
  "^",
  '"',
  '""',
  "(",
  ")",
  "+",
  "-",
  ":",
  ",",
  "'",
  "''",
  "\u0000",
  "1 OR 1=1",
  '\'; DROP TABLE "Article"; --',
  "\\",
];
/** Typed around a word, these hold no letter or digit, so the word alone is searched for. */
const SEPARATORS = [
  '"',
  "*",
  "^",
  "(",
  ")",
  ":",
  "-",
  "+",
  "'",
  ";",
  "=",
  "{",
  "}",
  "/*",
  " ",
  "\t",
  "\n",
  "\u0000",
  "\u001F",
  "\u0085",
  "\u200F",
  "\u200E",
  "\u061C",
  "\u202E",
  "\u2067",
  "\uD800",
  "\uDFFF",
  "<>",
  "&",
];

const ftsQuery = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...FTS_SYNTAX), weight: 3 },
      { arbitrary: arabicWord, weight: 3 },
      { arbitrary: hostilePiece, weight: 2 },
    ),
    { maxLength: 12 },
  )
  .chain((tokens) =>
    fc
      .array(fc.constantFrom(" ", "", "  "), { minLength: tokens.length, maxLength: tokens.length })
      .map((gaps) => tokens.map((token, index) => gaps[index] + token).join("")),
  );

const anyQuery: fc.Arbitrary<string | null | undefined> = fc.oneof(
  { arbitrary: ftsQuery, weight: 5 },
  { arbitrary: hostileText({ maxPieces: 10 }), weight: 4 },
  { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 1 },
  {
    arbitrary: fc.integer({ min: MAX_QUERY_LENGTH - 2, max: MAX_QUERY_LENGTH + 2 }).map((length) => "ك".repeat(length)),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(null, undefined, "", "   "), weight: 1 },
);
const anyPage: fc.Arbitrary<number | string | null | undefined> = fc.oneof(
  fc.constantFrom(1, 2, null, undefined),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1.5, -0),
  hostileText({ maxPieces: 2 }),
);

const codePoints = (text: string) => [...text].length;

/** A made-up Arabic word that starts with no prefix (و ب ل ف ال), so the query keeps it whole. */
function uniqueWord(): string {
  const letters = "تثجحخدذرزسشصضطظعغقكمنهي";
  return Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join("");
}

interface Seeded {
  slug: string;
  word: string;
}
const seeded: Seeded[] = [];

before(async () => {
  // Articles whose own text is FTS syntax, SQL and markup, each findable by one word.
  for (const [index, noise] of FTS_SYNTAX.filter((token) => !/[\u0000]/.test(token)).entries()) {
    const word = uniqueWord();
    const page = [
      `خبر ${word} ${noise} NEAR "AND" OR *`,
      "",
      `https://search.example/?p=${index + 1}`,
      "",
      `${noise} <script>x</script> ${word}`,
      "",
    ].join("\n");
    const saved = await importArticleText(page, { publishedAt: new Date(Date.now() - 3_600_000) });
    seeded.push({ slug: saved.slug, word });
  }
});

function assertSafeQuery(raw: string | null | undefined): void {
  const parsed = parseSearchQuery(raw);
  const tooLong = codePoints((raw ?? "").trim()) > MAX_QUERY_LENGTH;
  if (parsed.kind === "invalid") {
    assert.equal(parsed.message, QUERY_MESSAGES[parsed.reason]);
    assert.ok(isArabicMessage(parsed.message));
    assert.equal(parsed.reason === "tooLong", tooLong);
    return;
  }
  assert.equal(tooLong, false);
  assert.ok(parsed.words.length > 0);
  for (const word of parsed.words) {
    assert.match(word, /^[\p{L}\p{N}\p{M}]+$/u);
    assert.ok(codePoints(word) >= MIN_TERM_LENGTH);
  }
  // Quoted letters and digits only: no operator, column filter, quote or NUL can reach FTS5.
  assert.equal(ftsMatch(parsed.words), parsed.words.map((word) => `"${word}"`).join(" "));
}

/** One lexeme of a tsquery's text, as PostgreSQL prints it: quoted, a prefix match. */
const PREFIX_LEXEME = /'((?:[^']|'')+)':\*/gu;

/**
 * On PostgreSQL, the tsquery the database builds from the parsed words (article_search_query):
 * only prefix lexemes of letters, digits and marks, all required, each a piece of a parsed word,
 * and every word represented.
 */
async function assertSafeTsquery(raw: string | null | undefined): Promise<void> {
  const parsed = parseSearchQuery(raw);
  if (parsed.kind === "invalid") return;
  const [row] = await db.$queryRaw<
    { query: string | null }[]
  >`SELECT article_search_query(${parsed.words}::text[])::text AS "query"`;
  assert.ok(row.query, `no tsquery for ${JSON.stringify(parsed.words)}`);
  const lexemes = [...row.query.matchAll(PREFIX_LEXEME)].map((match) => match[1]);
  assert.equal(row.query, lexemes.map((lexeme) => `'${lexeme}':*`).join(" & "));
  for (const lexeme of lexemes) {
    assert.match(lexeme, /^[\p{L}\p{N}\p{M}]+$/u);
    assert.ok(
      parsed.words.some((word) => word.includes(lexeme)),
      lexeme,
    );
  }
  for (const word of parsed.words)
    assert.ok(
      lexemes.some((lexeme) => word.includes(lexeme)),
      word,
    );
}

async function assertSearchAnswers(
  raw: string | null | undefined,
  page: number | string | null | undefined,
): Promise<void> {
  if (testLane() === "postgresql") await assertSafeTsquery(raw);
  const outcome = await searchArticles(raw, page);
  if (outcome.kind === "invalid") {
    assert.ok(isArabicMessage(outcome.message));
    return;
  }
  assert.ok(Array.isArray(outcome.results));
  assert.ok(Number.isInteger(outcome.total) && outcome.total >= outcome.results.length);
  assert.ok(outcome.results.length <= RESULTS_PER_PAGE);
  assert.ok(Number.isInteger(outcome.page) && outcome.page >= 1 && outcome.page <= outcome.pageCount);
  for (const result of outcome.results) assert.equal(typeof result.headline, "string");
}

describe("search with generated queries", () => {
  test("parseSearchQuery gives an Arabic message or quoted words only", () => {
    fc.assert(fc.property(anyQuery, assertSafeQuery), { numRuns: 2000 });
  });

  test("searchArticles on the full-text index never throws and answers a message or a list (PostgreSQL: from a safe tsquery)", async () => {
    await fc.assert(fc.asyncProperty(anyQuery, anyPage, assertSearchAnswers), { numRuns: 250 });
  });

  test("a word wrapped in operators, quotes, NUL or direction controls still finds its article", async () => {
    const separators = fc.array(fc.constantFrom(...SEPARATORS), { maxLength: 6 }).map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(fc.nat(), separators, separators, async (pick, before, after) => {
        const { slug, word } = seeded[pick % seeded.length];
        const outcome = await searchArticles(`${before}${word}${after}`);
        assert.equal(outcome.kind, "results");
        assert.ok(
          outcome.kind === "results" && outcome.results.some((result) => result.slug === slug),
          `${slug} not found`,
        );
      }),
      { numRuns: 80 },
    );
  });

  test("a megabyte query gets a message, not an error", async () => {
    await fc.assert(
      fc.asyncProperty(hugeText, async (huge) => {
        assertSafeQuery(huge);
        await assertSearchAnswers(huge, 1);
      }),
      { numRuns: 4 },
    );
  });
});

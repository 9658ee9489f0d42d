import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { NORMALIZATION_RULES, normalizeArabic, normalizeWithOffsets } from "../../lib/search/normalize-arabic";
import {
  excerptAroundMatch,
  ftsMatch,
  ftsString,
  highlightSegments,
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  QUERY_MESSAGES,
  stripPrefix,
} from "../../lib/search/query";

const TASHKEEL = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670";

function parsed(raw: string) {
  const result = parseSearchQuery(raw);
  assert.equal(result.kind, "query", `expected ${JSON.stringify(raw)} to be searchable`);
  return result;
}

/** The FTS5 expression SQLite's search file builds from the parsed words. */
const match = (raw: string) => ftsMatch(parsed(raw).words);

describe("normalizeArabic", () => {
  test("folds the alef forms أ إ آ ٱ into a bare alef", () => {
    assert.equal(normalizeArabic("أحمد إسلام آمنة ٱلله"), "احمد اسلام امنه الله");
    for (const alef of ["أ", "إ", "آ", "ٱ"]) assert.equal(normalizeArabic(alef), "ا");
  });

  test("reads taa marbuta as haa and alef maqsura as yaa", () => {
    assert.equal(normalizeArabic("مدرسة"), "مدرسه");
    assert.equal(normalizeArabic("مستشفى"), "مستشفي");
  });

  test("drops the hamza from its carriers: ؤ → و, ئ → ي", () => {
    assert.equal(normalizeArabic("مؤتمر"), "موتمر");
    assert.equal(normalizeArabic("رئيس"), "رييس");
  });

  test("removes tatweel", () => {
    assert.equal(normalizeArabic("كازاخـــستان"), "كازاخستان");
  });

  test("removes every mark of tashkeel, U+064B to U+0652, and the superscript alef U+0670", () => {
    assert.equal(normalizeArabic("كَازَاخِسْتَانُ"), "كازاخستان");
    assert.equal(normalizeArabic("مُتَّحِدَةٌ"), "متحده");
    assert.equal(normalizeArabic("هٰذا"), "هذا");
    for (const mark of TASHKEEL) assert.equal(normalizeArabic(`ب${mark}`), "ب");
  });

  test("gives the decomposed spelling of a hamza letter (ا + ٔ) the same result as the letter itself", () => {
    assert.equal(normalizeArabic("\u0627\u0654\u062D\u0645\u062F"), normalizeArabic("أحمد"));
    assert.equal(normalizeArabic("\u0627\u0653"), normalizeArabic("آ"));
    assert.equal(normalizeArabic("\u0648\u0654"), normalizeArabic("ؤ"));
    assert.equal(normalizeArabic("\u064A\u0654"), normalizeArabic("ئ"));
  });

  test("folds compatibility forms (NFKC) and lower-cases Latin", () => {
    assert.equal(normalizeArabic("ﻻ"), "لا");
    assert.equal(normalizeArabic("Kazakhstan ＡＦＰ"), "kazakhstan afp");
  });

  test("leaves other letters, digits, spaces and punctuation as they are", () => {
    assert.equal(normalizeArabic("قال: «نعم» في 1991، ٢٠٢٢!"), "قال: «نعم» في 1991، ٢٠٢٢!");
    assert.equal(normalizeArabic(""), "");
  });

  test("every rule maps single code points, and no rule's output is another rule's input", () => {
    const sources = new Set(NORMALIZATION_RULES.flatMap((rule) => rule.from));
    for (const rule of NORMALIZATION_RULES) {
      assert.ok(rule.to.length <= 1, rule.name);
      if (rule.to) assert.ok(!sources.has(rule.to.codePointAt(0)!), rule.name);
      for (const codePoint of rule.from)
        assert.equal(normalizeArabic(String.fromCodePoint(codePoint)), rule.to, rule.name);
    }
  });

  test("the migration's SQL replaces every code point of the rules, with the rule's result", () => {
    const sql = readFileSync(
      path.join("prisma", "migrations", "20261129100000_article_search", "migration.sql"),
      "utf8",
    );
    for (const rule of NORMALIZATION_RULES) {
      const target = rule.to ? `char(${rule.to.codePointAt(0)})` : "''";
      for (const codePoint of rule.from) {
        // Three columns in each of the two triggers and in the backfill.
        assert.equal(
          sql.split(`char(${codePoint}), ${target})`).length - 1,
          9,
          `${rule.name}: U+${codePoint.toString(16)}`,
        );
      }
    }
  });

  test("normalizeWithOffsets points every normalized character back at its letter and its marks", () => {
    const original = "كَـتب";
    const { text, starts, ends } = normalizeWithOffsets(original);
    assert.equal(text, "كتب");
    assert.deepEqual(starts, [0, 3, 4]);
    assert.deepEqual(ends, [2, 4, 5]);
  });
});

describe("parseSearchQuery", () => {
  test("normalizes each word and quotes it for FTS5, all words required", () => {
    const query = parsed("  كَازاخستان   روسيا ");
    assert.deepEqual(query.words, ["كازاخستان", "روسيا"]);
    assert.equal(ftsMatch(query.words), '"كازاخستان" "روسيا"');
  });

  test("a query typed with a bare alef, tashkeel or tatweel reads the same as the written word", () => {
    const expected = match("الأمريكية");
    assert.equal(match("الامريكية"), expected);
    assert.equal(match("الأمْرِيكِيَّة"), expected);
    assert.equal(match("الأمـريكية"), expected);
  });

  test("strips one leading prefix when three letters or more remain", () => {
    assert.equal(stripPrefix("الكازاخيه"), "كازاخيه");
    assert.equal(stripPrefix("والكازاخيه"), "كازاخيه");
    assert.equal(stripPrefix("بالعربيه"), "عربيه");
    assert.equal(stripPrefix("فالحكومه"), "حكومه");
    assert.equal(stripPrefix("للحكومه"), "حكومه");
    assert.equal(stripPrefix("وكازاخستان"), "كازاخستان");
    assert.equal(stripPrefix("بسرعه"), "سرعه");
    assert.equal(stripPrefix("لروسيا"), "روسيا");
    assert.equal(stripPrefix("فقال"), "قال");
    // Only one prefix, and never down to fewer than three letters.
    assert.equal(stripPrefix("وبالامس"), "بالامس");
    assert.equal(stripPrefix("الاب"), "الاب");
    assert.equal(stripPrefix("ولد"), "ولد");
    assert.equal(stripPrefix("kazakh"), "kazakh");
  });

  test("searches for the word without its prefix and highlights both spellings", () => {
    const query = parsed("الكازاخية");
    assert.deepEqual(query.words, ["كازاخيه"]);
    assert.equal(ftsMatch(query.words), '"كازاخيه"');
    assert.deepEqual(query.terms, ["الكازاخيه", "كازاخيه"]);
  });

  test("drops words too short for the index but keeps the others", () => {
    const query = parsed("من كازاخستان في");
    assert.deepEqual(query.words, ["كازاخستان"]);
    assert.equal(ftsMatch(query.words), '"كازاخستان"');
  });

  test("FTS5 operators and punctuation only separate words: nothing the reader types is query syntax", () => {
    const cases: [string, string][] = [
      ['"كازاخستان', '"كازاخستان"'],
      ['كازاخستان" OR "روسيا', '"كازاخستان" "روسيا"'],
      ["كازاخ*", '"كازاخ"'],
      ["NEAR(كازاخستان روسيا)", '"near" "كازاخستان" "روسيا"'],
      ["-روسيا", '"روسيا"'],
      ["headline:روسيا", '"headline" "روسيا"'],
      ["(روسيا) AND NOT {body}", '"روسيا" "and" "not" "body"'],
      ["روسيا^ + كازاخستان", '"روسيا" "كازاخستان"'],
      ["قاسم-جومارت", '"قاسم" "جومارت"'],
    ];
    for (const [raw, expected] of cases) assert.equal(match(raw), expected, raw);
  });

  test("quotes inside a string are doubled, so a string can never end early", () => {
    assert.equal(ftsString('كلمة"أخرى'), '"كلمة""أخرى"');
    assert.equal(ftsString('"'), '""""');
    assert.equal(ftsString("NEAR(a b)"), '"NEAR(a b)"');
  });

  test("refuses an empty query with an Arabic message", () => {
    for (const raw of ["", "   ", "\n\t", '"" *', "()", "ـــ", "\u064E\u0651", null, undefined]) {
      const result = parseSearchQuery(raw);
      assert.deepEqual(result, { kind: "invalid", reason: "empty", message: QUERY_MESSAGES.empty }, String(raw));
    }
    assert.match(QUERY_MESSAGES.empty, /\p{Script=Arabic}/u);
  });

  test("refuses a query with no word of three letters, counted after normalization", () => {
    for (const raw of ["مع", "أَبٌ", "في من عن", "a b", "كـــم", "UN"]) {
      const result = parseSearchQuery(raw);
      assert.equal(result.kind, "invalid", raw);
      assert.equal(result.kind === "invalid" && result.reason, "tooShort", raw);
    }
    assert.equal(QUERY_MESSAGES.tooShort, "كلمات البحث قصيرة جدًا: اكتب كلمة من ٣ أحرف على الأقل.");
    assert.equal(match("غزة"), '"غزه"');
  });

  test("refuses a query over 200 characters, counted as characters, not UTF-16 units", () => {
    assert.equal(parsed("ب".repeat(MAX_QUERY_LENGTH)).words.length, 1);
    const result = parseSearchQuery("ب".repeat(MAX_QUERY_LENGTH + 1));
    assert.deepEqual(result, { kind: "invalid", reason: "tooLong", message: QUERY_MESSAGES.tooLong });
    assert.equal(QUERY_MESSAGES.tooLong, "نص البحث طويل جدًا: اكتب ٢٠٠ حرف على الأكثر.");
    // Surrounding spaces do not count; emoji are one character each.
    assert.equal(parseSearchQuery(`  ${"ب".repeat(MAX_QUERY_LENGTH)}  `).kind, "query");
    assert.equal(parseSearchQuery(`كلمة ${"😀".repeat(195)}`).kind, "query");
  });

  test("repeated words are searched once", () => {
    assert.deepEqual(parsed("روسيا روسيا وروسيا").words, ["روسيا"]);
  });
});

describe("highlightSegments", () => {
  test("marks the original text where the normalized term occurs, keeping tashkeel and tatweel inside the mark", () => {
    assert.deepEqual(highlightSegments("من كازَاخِسْتان اليوم", ["كازاخستان"]), [
      { text: "من ", match: false },
      { text: "كازَاخِسْتان", match: true },
      { text: " اليوم", match: false },
    ]);
    assert.deepEqual(highlightSegments("كازاخـستان", ["كازاخستان"]), [{ text: "كازاخـستان", match: true }]);
  });

  test("finds a hamza-carrying spelling from a bare-alef term, and a word inside a prefixed word", () => {
    assert.deepEqual(highlightSegments("وزارة الخارجية الأمريكية", ["امريكيه"]), [
      { text: "وزارة الخارجية ال", match: false },
      { text: "أمريكية", match: true },
    ]);
    assert.deepEqual(highlightSegments("وكازاخستان", ["كازاخستان"]), [
      { text: "و", match: false },
      { text: "كازاخستان", match: true },
    ]);
  });

  test("prefers the longest term at a place, marks every occurrence and merges touching matches", () => {
    assert.deepEqual(highlightSegments("الكازاخية والكازاخية", ["الكازاخيه", "كازاخيه"]), [
      { text: "الكازاخية", match: true },
      { text: " و", match: false },
      { text: "الكازاخية", match: true },
    ]);
    assert.deepEqual(highlightSegments("كازاخية", ["الكازاخيه", "كازاخيه"]), [{ text: "كازاخية", match: true }]);
    assert.deepEqual(highlightSegments("abcdef", ["abc", "def"]), [{ text: "abcdef", match: true }]);
    assert.deepEqual(highlightSegments("Kazakhstan", ["kazakh"]), [
      { text: "Kazakh", match: true },
      { text: "stan", match: false },
    ]);
  });

  test("returns the text as one plain segment when nothing matches", () => {
    assert.deepEqual(highlightSegments("نص بلا تطابق", ["روسيا"]), [{ text: "نص بلا تطابق", match: false }]);
    assert.deepEqual(highlightSegments("نص", []), [{ text: "نص", match: false }]);
    assert.deepEqual(highlightSegments("", ["روسيا"]), [{ text: "", match: false }]);
  });

  test("the segments always join back into the original text", () => {
    const original = "دعت الولايات المتّحدة روسيا إلى أن تسحب “بسرعة” الجنود من كازاخستان";
    const segments = highlightSegments(original, parsed("المتحدة كازاخستان بسرعة").terms);
    assert.equal(segments.map((segment) => segment.text).join(""), original);
    assert.deepEqual(
      segments.filter((segment) => segment.match).map((segment) => segment.text),
      ["المتّحدة", "بسرعة", "كازاخستان"],
    );
  });
});

describe("excerptAroundMatch", () => {
  const filler = (word: string, count: number) => Array.from({ length: count }, () => word).join(" ");

  test("cuts a long text around the first match, at spaces, with ellipses where it was cut", () => {
    const text = `${filler("بداية", 80)} كازاخستان ${filler("نهاية", 80)}`;
    const excerpt = excerptAroundMatch(text, ["كازاخستان"], 240)!;
    assert.ok(excerpt.startsWith("…بداية"), excerpt);
    assert.ok(excerpt.endsWith("نهاية…"), excerpt);
    assert.ok(excerpt.includes("كازاخستان"));
    assert.ok(excerpt.length <= 242, String(excerpt.length));
  });

  test("keeps a short text whole and says null when nothing matches", () => {
    assert.equal(excerptAroundMatch("خبر عن كازاخستان", ["كازاخستان"]), "خبر عن كازاخستان");
    assert.equal(excerptAroundMatch("خبر آخر", ["كازاخستان"]), null);
  });

  test("starts at the beginning when the match is near it", () => {
    const text = `كازاخستان ${filler("كلمة", 100)}`;
    const excerpt = excerptAroundMatch(text, ["كازاخستان"], 100)!;
    assert.ok(excerpt.startsWith("كازاخستان"), excerpt);
    assert.ok(excerpt.endsWith("…"));
  });
});

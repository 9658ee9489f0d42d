// Generators of the text readers, editors and pasted pages can send: Arabic, direction marks and
// overrides, control characters, lone surrogates, markup, SQL and FTS5 syntax, and huge strings.
// Shared by the property tests beside this file.
import fc from "fast-check";

const range = (first: number, last: number) =>
  fc.integer({ min: first, max: last }).map((code) => String.fromCharCode(code));

/** Right-to-left, left-to-right and Arabic letter marks: legitimate in mixed Arabic text. */
const DIRECTION_MARKS = ["\u200E", "\u200F", "\u061C"] as const;
/** Embeddings, overrides and isolates: they reorder the text around them. */
const BIDI_CONTROLS = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
] as const;

export const FRAGMENTS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "</textarea><b>عريض</b>",
  "<!-- تعليق -->",
  "&lt;&amp;&#0;&#x202E;",
  "javascript:alert(1)",
  "[رابط](javascript:alert(1))",
  '\'; DROP TABLE "Comment"; --',
  "1 OR 1=1",
  '" OR ""="',
  '\' UNION SELECT * FROM "User" --',
  "NEAR(كازاخستان روسيا, 2)",
  "headline:كازاخستان",
  "body : روسيا",
  "{headline body}: الولايات",
  "كازا*",
  "^الولايات",
  "AND OR NOT",
  '"""',
  "((()",
  '- + * ^ : " ( )',
  "💥👍🏽",
  "ﷺ ﻻ ﷽",
  "\uFEFF",
  "\uFFFE\uFFFF",
  "\u2028\u2029",
  "\r\n",
  "\t",
] as const;

const arabicLetter = range(0x0621, 0x064a);
const arabicBlock = range(0x0600, 0x06ff);
const tashkeel = range(0x064b, 0x0652);
const c0 = range(0x00, 0x1f);
const c1 = range(0x7f, 0x9f);
const loneHighSurrogate = range(0xd800, 0xdbff);
const loneLowSurrogate = range(0xdc00, 0xdfff);

/** An Arabic word, sometimes with tashkeel or tatweel. */
export const arabicWord = fc
  .array(
    fc.oneof(
      { arbitrary: arabicLetter, weight: 8 },
      { arbitrary: tashkeel, weight: 1 },
      { arbitrary: fc.constant("\u0640"), weight: 1 },
    ),
    {
      minLength: 1,
      maxLength: 9,
    },
  )
  .map((letters) => letters.join(""));

/** Arabic prose: words and spaces, with the odd Arabic punctuation. */
export const arabicText = fc
  .array(
    fc.oneof(
      { arbitrary: arabicWord, weight: 6 },
      { arbitrary: fc.constantFrom("،", "؛", "؟", ".", "“", "”", "(…)"), weight: 1 },
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((words) => words.join(" "));

/** One piece of hostile text; `join` of several makes a field value. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: arabicText, weight: 6 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: arabicBlock, maxLength: 12 }), weight: 2 },
  { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 },
  { arbitrary: fc.constantFrom(...DIRECTION_MARKS), weight: 2 },
  { arbitrary: fc.constantFrom(...BIDI_CONTROLS), weight: 1 },
  { arbitrary: fc.oneof(c0, c1), weight: 1 },
  { arbitrary: fc.oneof(loneHighSurrogate, loneLowSurrogate), weight: 1 },
  { arbitrary: fc.constantFrom(" ", "  ", "\n", "\u00A0", "\u3000"), weight: 2 },
);

/** Hostile text of up to `maxPieces` pieces (a few hundred characters at most). */
export function hostileText({ maxPieces = 8 }: { maxPieces?: number } = {}): fc.Arbitrary<string> {
  return fc.array(hostilePiece, { maxLength: maxPieces }).map((pieces) => pieces.join(""));
}

/** Text with none of the characters anything refuses: Arabic, marks, markup, SQL, emoji. */
export const inertText = fc
  .array(
    fc.oneof(
      { arbitrary: arabicText, weight: 6 },
      { arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }), weight: 2 },
      {
        arbitrary: fc.constantFrom(
          ...FRAGMENTS.filter((fragment) => !/[\r\n\t\uFEFF\u2028\u2029\uFFFE\uFFFF]/.test(fragment)),
        ),
        weight: 3,
      },
      { arbitrary: fc.constantFrom(...DIRECTION_MARKS), weight: 1 },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((pieces) => pieces.join(" "));

const ONE_MEGABYTE = 1024 * 1024;

/** About 1 MB: one hostile piece repeated. */
export const hugeText = hostilePiece
  .filter((piece) => piece.length > 0)
  .map((piece) => piece.repeat(Math.ceil(ONE_MEGABYTE / piece.length)));

/** True when `text` has a UTF-16 surrogate without its other half. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** True when no database here can store `text`: a lone surrogate, or NUL (PostgreSQL's text refuses it). */
export function hasUnstorableCharacter(text: string): boolean {
  return hasLoneSurrogate(text) || text.includes("\u0000");
}

/** A message a reader can read: not empty, and Arabic. */
export function isArabicMessage(message: unknown): boolean {
  return typeof message === "string" && message.trim().length > 0 && /\p{Script=Arabic}/u.test(message);
}

import { formatArabicNumber } from "../format";
import { normalizeArabic, normalizeWithOffsets } from "./normalize-arabic";

/*
 * The reader's query, from what was typed to the words searched for, and back to the places in an
 * article's text that matched. Pure: no database, so pages, tests and the SQL layer share it. Each
 * database's search file builds its own expression from the words: ftsMatch below for SQLite's
 * FTS5, a tsquery built in SQL for PostgreSQL (lib/search/postgresql.ts).
 */

export const MAX_QUERY_LENGTH = 200;
/** The trigram index cannot match anything shorter. */
export const MIN_TERM_LENGTH = 3;

/** Stripped from the front of a word (the longest first), when at least MIN_TERM_LENGTH letters remain. */
export const WORD_PREFIXES = ["وال", "بال", "فال", "ال", "لل", "و", "ب", "ل", "ف"] as const;

export type InvalidReason = "empty" | "tooShort" | "tooLong";

export const QUERY_MESSAGES: Record<InvalidReason, string> = {
  empty: "اكتب كلمة أو أكثر للبحث في الأخبار.",
  tooShort: `كلمات البحث قصيرة جدًا: اكتب كلمة من ${formatArabicNumber(MIN_TERM_LENGTH)} أحرف على الأقل.`,
  tooLong: `نص البحث طويل جدًا: اكتب ${formatArabicNumber(MAX_QUERY_LENGTH)} حرف على الأكثر.`,
};

export type ParsedQuery =
  | { kind: "invalid"; reason: InvalidReason; message: string }
  | {
      kind: "query";
      /** The normalized words searched for, prefixes removed: letters, digits and marks only. */
      words: string[];
      /** What to highlight: the words as typed (normalized) and without their prefix, longest first. */
      terms: string[];
    };

/** Letters, digits and the marks written on them; anything else (spaces, punctuation, FTS syntax) separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const length = (text: string) => [...text].length;

/** `word` without one leading prefix (و، ب، ل، ف، ال…), when enough of it remains to search for. */
export function stripPrefix(word: string): string {
  for (const prefix of WORD_PREFIXES) {
    if (word.startsWith(prefix) && length(word) - length(prefix) >= MIN_TERM_LENGTH) return word.slice(prefix.length);
  }
  return word;
}

/** An FTS5 string: whatever it holds is searched for as text, never read as query syntax. */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The FTS5 MATCH expression for the parsed words: every word a quoted string, all of them required. */
export function ftsMatch(words: readonly string[]): string {
  return words.map(ftsString).join(" ");
}

function invalid(reason: InvalidReason): ParsedQuery {
  return { kind: "invalid", reason, message: QUERY_MESSAGES[reason] };
}

/**
 * Reads the reader's query. Every word is normalized (normalizeArabic) and loses one prefix, so
 * `الكازاخية` finds `كازاخية`; words too short for the trigram index are dropped. Quotes,
 * `*`, `-`, `:`, parentheses and the like only separate words, and the search files quote each word,
 * so `NEAR`, `OR` or `AND` are searched for as text: no input is ever query syntax.
 */
export function parseSearchQuery(raw: string | null | undefined): ParsedQuery {
  const trimmed = (raw ?? "").trim();
  if (length(trimmed) > MAX_QUERY_LENGTH) return invalid("tooLong");
  const typed = normalizeArabic(trimmed).match(WORD) ?? [];
  if (typed.length === 0) return invalid("empty");

  const words = [...new Set(typed.map(stripPrefix).filter((word) => length(word) >= MIN_TERM_LENGTH))];
  if (words.length === 0) return invalid("tooShort");

  const terms = [...new Set([...typed.filter((word) => length(word) >= MIN_TERM_LENGTH), ...words])].sort(
    (a, b) => b.length - a.length,
  );
  return { kind: "query", words, terms };
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Where `terms` occur in `original`, compared normalized: [start, end) ranges of the original, in order, merged. */
export function matchRanges(original: string, terms: readonly string[]): [number, number][] {
  const wanted = [...new Set(terms.map(normalizeArabic).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || !original) return [];
  const { text, starts, ends } = normalizeWithOffsets(original);
  const ranges: [number, number][] = [];
  let index = 0;
  while (index < text.length) {
    const term = wanted.find((candidate) => text.startsWith(candidate, index));
    if (!term) {
      index += 1;
      continue;
    }
    const start = starts[index];
    const end = ends[index + term.length - 1];
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
    index += term.length;
  }
  return ranges;
}

/**
 * The original text cut into plain and matching segments. Matching ignores everything
 * normalizeArabic ignores, and a match keeps the tashkeel and tatweel written inside it:
 * `كازَاخِسْتان` is one highlighted segment for the term `كازاخستان`.
 */
export function highlightSegments(original: string, terms: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  for (const [start, end] of matchRanges(original, terms)) {
    if (start > position) segments.push({ text: original.slice(position, start), match: false });
    segments.push({ text: original.slice(start, end), match: true });
    position = end;
  }
  if (position < original.length || segments.length === 0)
    segments.push({ text: original.slice(position), match: false });
  return segments;
}

/**
 * About `maxLength` characters of `text` around the first match, cut at spaces, with an ellipsis
 * where it was cut; null when nothing matches.
 */
export function excerptAroundMatch(text: string, terms: readonly string[], maxLength = 240): string | null {
  const first = matchRanges(text, terms)[0];
  if (!first) return null;
  if (text.length <= maxLength) return text;
  const [matchStart, matchEnd] = first;
  // A little context before the match, the rest after it.
  let start = Math.max(0, Math.min(matchStart - Math.floor(maxLength / 4), text.length - maxLength));
  let end = Math.min(text.length, Math.max(start + maxLength, matchEnd));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < matchStart) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > matchEnd) end = space;
  }
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}

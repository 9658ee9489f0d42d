/**
 * Arabic as readers type it: the spellings below are one letter for search. The same rules run
 * in SQL, as nested replace() calls in the triggers that fill SQLite's ArticleSearch index
 * (prisma/migrations/20261129100000_article_search) and as translate() in PostgreSQL's
 * article_search_normalize() (prisma/postgresql/migrations/20261129180000_article_search);
 * test/integration/search.test.ts checks that they give the same text. Change one, change the others.
 *
 * Every rule maps one code point to one letter or to nothing, and no rule's output is another
 * rule's input, so the order they are applied in does not matter.
 */

export interface NormalizationRule {
  /** What the rule is about, for people reading the tests. */
  name: string;
  /** The code points this rule replaces. */
  from: readonly number[];
  /** What each of them becomes: one letter, or "" (removed). */
  to: string;
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, index) => first + index);

export const NORMALIZATION_RULES: readonly NormalizationRule[] = [
  // أ إ آ ٱ → ا
  { name: "alef forms", from: [0x0623, 0x0625, 0x0622, 0x0671], to: "\u0627" },
  // ة → ه
  { name: "taa marbuta", from: [0x0629], to: "\u0647" },
  // ى → ي
  { name: "alef maqsura", from: [0x0649], to: "\u064A" },
  // ؤ → و
  { name: "hamza on waw", from: [0x0624], to: "\u0648" },
  // ئ → ي
  { name: "hamza on yeh", from: [0x0626], to: "\u064A" },
  // ـ
  { name: "tatweel", from: [0x0640], to: "" },
  // ً ٌ ٍ َ ُ ِ ّ ْ and the superscript alef ٰ
  { name: "tashkeel", from: [...range(0x064b, 0x0652), 0x0670], to: "" },
  // The combining madda and hamza above and below: the decomposed spelling of آ أ إ ؤ ئ (ا + ٔ).
  // Unicode composition (NFKC below) turns that spelling into the single letter, but SQL cannot
  // compose, so removing the marks makes both spellings come out the same in SQL and here.
  { name: "combining madda and hamza", from: range(0x0653, 0x0655), to: "" },
];

const REPLACEMENTS = new Map<string, string>(
  NORMALIZATION_RULES.flatMap((rule) =>
    rule.from.map((codePoint) => [String.fromCodePoint(codePoint), rule.to] as const),
  ),
);

/** The rules above, then lower case, on text that is already NFKC. */
function mapCharacters(text: string): string {
  let result = "";
  for (const character of text.toLowerCase()) result += REPLACEMENTS.get(character) ?? character;
  return result;
}

/**
 * Text as the search index holds it: Unicode compatibility forms folded (NFKC: presentation forms
 * and ligatures such as ﻻ become their letters), lower case, then the rules above.
 *
 * SQLite's SQL twin applies the rules and lower-cases ASCII only: it cannot do NFKC or full case
 * folding (PostgreSQL's does both, with normalize() and lower()). Case does not matter to the index (FTS5's trigram tokenizer folds it), and ordinary
 * Arabic text is already NFKC, so both sides agree on what readers type and editors write.
 */
export function normalizeArabic(text: string): string {
  return mapCharacters(text.normalize("NFKC"));
}

/** A letter with the combining marks written on it: the unit that normalization never splits. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

export interface NormalizedWithOffsets {
  /** normalizeArabic(text), built cluster by cluster. */
  text: string;
  /** For each UTF-16 unit of `text`: where its cluster starts in the original. */
  starts: number[];
  /** For each UTF-16 unit of `text`: where its cluster ends in the original (exclusive). */
  ends: number[];
}

// Search results and highlights normalize every letter of every excerpt one cluster at a time;
// the clusters of a script are few, so each is normalized once (search excerpts 2.4× faster). The
// bound keeps text from an unusual script from growing it without end.
const NORMALIZED_CLUSTERS_LIMIT = 4096;
const normalizedClusters = new Map<string, string>();

function normalizedCluster(cluster: string): string {
  let output = normalizedClusters.get(cluster);
  if (output === undefined) {
    output = normalizeArabic(cluster);
    if (normalizedClusters.size < NORMALIZED_CLUSTERS_LIMIT) normalizedClusters.set(cluster, output);
  }
  return output;
}

/**
 * Normalizes `text` while remembering where each normalized character came from, so a match found
 * in the normalized text can be marked in the original. A letter's diacritics stay with it: a match
 * that ends on a letter ends after that letter's tashkeel.
 */
export function normalizeWithOffsets(text: string): NormalizedWithOffsets {
  let normalized = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (const cluster of text.matchAll(CLUSTER)) {
    const start = cluster.index;
    const end = start + cluster[0].length;
    const output = normalizedCluster(cluster[0]);
    normalized += output;
    for (let unit = 0; unit < output.length; unit += 1) {
      starts.push(start);
      ends.push(end);
    }
  }
  return { text: normalized, starts, ends };
}

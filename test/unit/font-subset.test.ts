import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { decompress } from "wawoff2";
import {
  FONT_WEIGHTS,
  type FontWeight,
  subsetArabicFont,
  subsetCharacters,
  subsetUnicodeRange,
} from "../../scripts/shared/font-subset";

type HarfBuzz = typeof import("harfbuzzjs");
type Face = InstanceType<HarfBuzz["Face"]>;
type Font = InstanceType<HarfBuzz["Font"]>;

// Vocalised text, lam-alef in its four spellings, tatweel, digits and separators: the shaping the
// seed article alone does not exercise.
const SHAPING_SAMPLE = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ، لا لأ لإ لآ، ٱلْكِتَابُ؛ كـــتـــاب؟ ١٬٢٣٤٫٥٦ ٪ شُؤُونٌ مَسْؤُولِيَّةٌ هَيْئَةٌ";

const SEED_TEXT = readFileSync(path.resolve("prisma", "seed", "almnatiq-1101899.txt"), "utf8");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** The text of the site's own pages: every string of app/ (its comments too, which only widens the check). */
const SITE_TEXT = sourceFiles(path.resolve("app"))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

let harfBuzz: HarfBuzz;
const faces = new Map<FontWeight, { full: Face; subset: Face }>();

async function faceOf(woff2: Uint8Array): Promise<Face> {
  return new harfBuzz.Face(new harfBuzz.Blob(await decompress(woff2)));
}

before(async () => {
  // harfbuzzjs is an ES module with top-level await, so it cannot be require()d by the test runner.
  harfBuzz = await import("harfbuzzjs");
  for (const weight of FONT_WEIGHTS) {
    const { source, subset } = await subsetArabicFont(weight);
    faces.set(weight, { full: await faceOf(source), subset: await faceOf(subset) });
  }
});

function fontFaces(weight: FontWeight): { full: Face; subset: Face } {
  const pair = faces.get(weight);
  assert.ok(pair, `weight ${weight} was not subset`);
  return pair;
}

function codePoints(face: Face): Set<number> {
  return new Set(face.collectUnicodes());
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The glyphs HarfBuzz shapes a run into, by outline (glyph ids differ between the two files) and position. */
function shapeRun(font: Font, run: string): string[] {
  const buffer = new harfBuzz.Buffer();
  buffer.addText(run);
  buffer.guessSegmentProperties();
  harfBuzz.shape(font, buffer);
  const positions = buffer.getGlyphPositions();
  return buffer.getGlyphInfos().map((glyph, index) => {
    const { xAdvance, yAdvance, xOffset, yOffset } = positions[index];
    return `${glyph.cluster} ${xAdvance},${yAdvance} ${xOffset},${yOffset} ${glyph.codepoint === 0 ? "NOTDEF" : font.glyphToPath(glyph.codepoint)}`;
  });
}

/** A browser shapes each stretch of text one font covers on its own: the runs the subset covers. */
function subsetRuns(text: string): string[] {
  const covered = new Set(subsetCharacters());
  const runs: string[] = [];
  let run = "";
  for (const character of text) {
    if (covered.has(character)) {
      run += character;
      continue;
    }
    if (run) runs.push(run);
    run = "";
  }
  if (run) runs.push(run);
  return runs;
}

for (const weight of FONT_WEIGHTS) {
  describe(`the Arabic font subset, weight ${weight}`, () => {
    test("maps exactly the code points scripts/shared/font-subset.ts lists, all of which the full font has", () => {
      const { full, subset } = fontFaces(weight);
      const listed = [...subsetCharacters()].map((character) => character.codePointAt(0) ?? 0).sort((a, b) => a - b);
      const absent = listed.filter((codePoint) => !codePoints(full).has(codePoint));
      assert.deepEqual(absent.map(hex), [], "listed code points the full font does not have");
      assert.deepEqual(
        [...codePoints(subset)].sort((a, b) => a - b).map(hex),
        listed.map(hex),
        "the subset's cmap differs from the list",
      );
    });

    test("keeps every character of the seed article and of the site's pages that the full font has", () => {
      const { full, subset } = fontFaces(weight);
      // White space is left to the fallback font, as the unicode-range always did: it joins nothing.
      const printed = [...`${SEED_TEXT}${SITE_TEXT}`].filter((character) => !/\s/u.test(character));
      const used = new Set(printed.map((character) => character.codePointAt(0) ?? 0));
      const lost = [...used].filter(
        (codePoint) => codePoints(full).has(codePoint) && !codePoints(subset).has(codePoint),
      );
      assert.ok(
        used.has(0x0644) && used.has(0x064b),
        "the seed article and the pages should contain Arabic letters and harakat",
      );
      assert.deepEqual(lost.map(hex), [], "used characters the subset lost");
    });

    test("keeps the layout tables and every GSUB and GPOS feature of the Arabic script", () => {
      const { full, subset } = fontFaces(weight);
      for (const table of ["GDEF", "GSUB", "GPOS"]) {
        assert.ok((subset.referenceTable(table)?.byteLength ?? 0) > 0, `the subset has no ${table} table`);
      }
      for (const table of ["GSUB", "GPOS"] as const) {
        const arabicFeatures = (face: Face) => {
          const script = face.getTableScriptTags(table).indexOf("arab");
          assert.ok(script >= 0, `${table} has no Arabic script`);
          // 0xFFFF: the script's default language system.
          return face.getLanguageFeatureTags(table, script, 0xffff).sort();
        };
        assert.ok(arabicFeatures(full).length > 0);
        assert.deepEqual(arabicFeatures(subset), arabicFeatures(full), `${table} features of the Arabic script`);
      }
    });

    test("shapes the seed article and vocalised text into the same glyphs at the same places as the full font", () => {
      const { full, subset } = fontFaces(weight);
      const fullFont = new harfBuzz.Font(full);
      const subsetFont = new harfBuzz.Font(subset);
      const runs = subsetRuns(`${SEED_TEXT}\n${SHAPING_SAMPLE}`);
      assert.ok(runs.length > 100, `only ${runs.length} runs of Arabic text to shape`);
      for (const run of runs) {
        const shaped = shapeRun(subsetFont, run);
        assert.ok(!shaped.some((glyph) => glyph.endsWith("NOTDEF")), `the subset has no glyph for part of «${run}»`);
        assert.deepEqual(shaped, shapeRun(fullFont, run), `«${run}» is shaped differently`);
      }
    });
  });
}

test("the unicode-range in app/fonts.ts is the subset's", () => {
  const fontsModule = readFileSync(path.resolve("app", "fonts.ts"), "utf8");
  const declared = /prop: "unicode-range",\s*value:\s*"([^"]*)"/.exec(fontsModule)?.[1];
  assert.equal(declared, subsetUnicodeRange());
});

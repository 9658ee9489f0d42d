import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import subsetFont from "subset-font";

/**
 * The code points the pages' Arabic font keeps: the letters of Arabic itself, its marks (harakat,
 * madda, hamza above and below, superscript alef), Arabic-Indic digits and separators, Arabic
 * punctuation and the joining and direction controls. Persian, Urdu and the extended Arabic
 * letters are left to the fallback fonts. So are the presentation-form code points: text reaches
 * those glyphs through the font's GSUB features (joining forms, lam-alef), which HarfBuzz's
 * layout closure keeps, not through the cmap. Western digits, the space and Latin punctuation
 * (« » “ ” …) are not in @fontsource's Arabic file to begin with, and fall back as before.
 * Every range lists only code points the source font has, so this list is the subset's cmap and
 * the `unicode-range` in app/fonts.ts (a test holds all three together).
 */
export const ARABIC_SUBSET_RANGES: ReadonlyArray<readonly [first: number, last: number]> = [
  [0x060c, 0x060c], // ، comma
  [0x061b, 0x061c], // ؛ semicolon, Arabic letter mark
  [0x061f, 0x061f], // ؟ question mark
  [0x0621, 0x063a], // ء … غ
  [0x0640, 0x065f], // tatweel, ف … ي, harakat and the other combining marks
  [0x0660, 0x066d], // ٠ … ٩, ٪ ٫ ٬ ٭
  [0x0670, 0x0671], // superscript alef, alef wasla
  [0x200c, 0x200e], // zero-width non-joiner and joiner, left-to-right mark
  [0x2010, 0x2010], // hyphen
  [0x204f, 0x204f], // ⁏ reversed semicolon
  [0x2e41, 0x2e41], // ⹁ reversed comma
];

export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

/** Where the build writes the subset files app/fonts.ts loads (git-ignored: made by `npm run build`). */
export const SUBSET_FONT_DIR = path.resolve("generated", "fonts");

export function sourceFontFile(weight: FontWeight): string {
  return path.resolve(
    "node_modules",
    "@fontsource",
    "noto-naskh-arabic",
    "files",
    `noto-naskh-arabic-arabic-${weight}-normal.woff2`,
  );
}

export function subsetFontFile(weight: FontWeight): string {
  return path.join(SUBSET_FONT_DIR, `noto-naskh-arabic-subset-${weight}.woff2`);
}

export function subsetCharacters(): string {
  return ARABIC_SUBSET_RANGES.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, offset) => String.fromCodePoint(first + offset)),
  ).join("");
}

/** The CSS `unicode-range` value for the subset, as written in app/fonts.ts. */
export function subsetUnicodeRange(): string {
  const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, "0");
  return ARABIC_SUBSET_RANGES.map(([first, last]) =>
    first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`,
  ).join(", ");
}

/** One weight of the font, and the same cut down to the subset with every OpenType layout feature kept, as WOFF2. */
export async function subsetArabicFont(weight: FontWeight): Promise<{ source: Buffer; subset: Buffer }> {
  const source = await readFile(sourceFontFile(weight));
  return { source, subset: await subsetFont(source, subsetCharacters(), { targetFormat: "woff2" }) };
}

export async function writeSubsetFonts(): Promise<
  Array<{ weight: FontWeight; file: string; sourceBytes: number; subsetBytes: number }>
> {
  await mkdir(SUBSET_FONT_DIR, { recursive: true });
  return Promise.all(
    FONT_WEIGHTS.map(async (weight) => {
      const { source, subset } = await subsetArabicFont(weight);
      const file = subsetFontFile(weight);
      await writeFile(file, subset);
      return { weight, file, sourceBytes: source.byteLength, subsetBytes: subset.byteLength };
    }),
  );
}

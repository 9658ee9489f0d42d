const TASHKEEL_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const NOT_SLUG_CHARACTER = /[^\p{L}\p{N}]+/gu;
const MAX_SLUG_LENGTH = 80;

/**
 * A readable URL slug from a headline in any script: Arabic letters stay Arabic (browsers show
 * them decoded in the address bar), diacritics and tatweel go, punctuation becomes hyphens.
 */
export function slugify(text: string): string {
  const words = text
    .normalize("NFKC")
    .replace(TASHKEEL_AND_TATWEEL, "")
    .toLowerCase()
    .replace(NOT_SLUG_CHARACTER, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, MAX_SLUG_LENGTH) || "";
}

/** `base`, or `base-2`, `base-3`…: the first not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string | null>): string {
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

/**
 * The slug in a dynamic route param. Next passes non-ASCII segments percent-encoded; slugs never
 * contain "%", so decoding is lossless. A malformed escape is not a slug at all.
 */
export function slugFromParam(param: string): string | null {
  try {
    return decodeURIComponent(param);
  } catch {
    return null;
  }
}

/**
 * Characters no database here can store as text: half of a UTF-16 pair (not valid Unicode: the
 * drivers refuse it) and NUL (PostgreSQL's text type cannot hold it; SQLite can, but the portal
 * behaves the same on both). Input holding one is refused at the boundary with a clear message.
 */
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;

export const UNSTORABLE_TEXT_MESSAGE = "يحتوي النص على محارف غير صالحة.";

export function hasUnstorableCharacters(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The refinement for a zod string: `.refine(storable, { error: UNSTORABLE_TEXT_MESSAGE })`. */
export const storable = (text: string) => !hasUnstorableCharacters(text);

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { slugFromParam, slugify } from "../../lib/slug";

const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";
const SEED_SLUG = "الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان";

describe("slugify", () => {
  test("turns the seed headline into a hyphenated Arabic slug without its quote marks", () => {
    assert.equal(slugify(SEED_HEADLINE), SEED_SLUG);
  });

  test("removes tashkeel", () => {
    assert.equal(slugify("كَازَاخْسْتَان"), "كازاخستان");
  });

  test("removes tatweel", () => {
    assert.equal(slugify("كازاخـستان"), "كازاخستان");
  });

  test("lowercases Latin and turns punctuation and underscores into single hyphens with none at the ends", () => {
    assert.equal(slugify("  --Breaking: Kazakhstan_Unrest!! (Update) -- "), "breaking-kazakhstan-unrest-update");
  });

  test("keeps a long headline within 80 characters, cut after a whole word", () => {
    const words = Array.from({ length: 30 }, (_, index) => `خبر${index + 10}`);
    const slug = slugify(words.join(" "));
    assert.equal(slug, words.slice(0, 13).join("-"));
    assert.equal(slug.length, 77);
    assert.ok(slug.length <= 80);
    assert.ok(words.join("-").startsWith(`${slug}-`));
  });

  test("cuts a single word longer than 80 characters to exactly 80", () => {
    assert.equal(slugify("ب".repeat(100)), "ب".repeat(80));
  });

  test("gives an empty slug for empty or punctuation-only input", () => {
    assert.equal(slugify(""), "");
    assert.equal(slugify("   "), "");
    assert.equal(slugify("!!! — “…” ؟ ، _"), "");
  });
});

describe("slugFromParam", () => {
  test("decodes a percent-encoded Arabic slug", () => {
    const encoded = encodeURIComponent(SEED_SLUG);
    assert.notEqual(encoded, SEED_SLUG);
    assert.equal(slugFromParam(encoded), SEED_SLUG);
  });

  test("returns an already-decoded slug unchanged", () => {
    assert.equal(slugFromParam(SEED_SLUG), SEED_SLUG);
  });

  test("returns null for a malformed percent escape", () => {
    assert.equal(slugFromParam("%E0%A4%A"), null);
  });
});

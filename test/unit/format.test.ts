import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatArabicDate, formatArabicNumber, truncateAtWord } from "../../lib/format";

describe("formatArabicNumber", () => {
  test("writes zero and one in Arabic-Indic digits", () => {
    assert.equal(formatArabicNumber(0), "٠");
    assert.equal(formatArabicNumber(1), "١");
  });

  test("groups thousands with the Arabic thousands separator", () => {
    assert.equal(formatArabicNumber(1234567), "١٬٢٣٤٬٥٦٧");
  });
});

describe("formatArabicDate", () => {
  test("writes day, Arabic month name and year in Arabic-Indic digits", () => {
    assert.equal(formatArabicDate(new Date("2022-01-12T09:05:00Z")), "١٢ يناير ٢٠٢٢");
  });

  test("uses the Riyadh calendar day, three hours ahead of UTC", () => {
    assert.equal(formatArabicDate(new Date("2022-01-11T22:30:00Z")), "١٢ يناير ٢٠٢٢");
  });

  test("contains no Latin digits", () => {
    for (const iso of ["2022-01-12T09:05:00Z", "2019-10-31T23:59:00Z", "2000-02-29T12:00:00Z"]) {
      assert.doesNotMatch(formatArabicDate(new Date(iso)), /[0-9]/);
    }
  });
});

describe("truncateAtWord", () => {
  const sentence = "الولايات المتحدة تطالب روسيا بسحب جنودها من كازاخستان";

  test("returns text within the limit unchanged", () => {
    assert.equal(truncateAtWord("خبر قصير", 20), "خبر قصير");
    assert.equal(truncateAtWord(sentence, sentence.length), sentence);
  });

  test("cuts long text at the last space within the limit and appends an ellipsis", () => {
    assert.equal(truncateAtWord(sentence, 30), "الولايات المتحدة تطالب روسيا…");
  });

  test("never returns more than the limit plus the ellipsis", () => {
    const unbroken = "ك".repeat(50);
    for (let max = 1; max <= sentence.length + 2; max += 1) {
      assert.ok(truncateAtWord(sentence, max).length <= max + 1, `sentence at ${max}`);
      assert.ok(truncateAtWord(unbroken, max).length <= max + 1, `unbroken at ${max}`);
    }
  });
});

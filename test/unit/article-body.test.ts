import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ZodError } from "zod";
import {
  bodyExcerpt,
  bodyFromParagraphs,
  parseArticleBody,
  serializeArticleBody,
} from "../../lib/article-body";

const PARAGRAPHS = [
  "دعت الولايات المتّحدة روسيا إلى أن تسحب “بسرعة” الجنود الذين أرسلتهم إلى كازاخستان.",
  "وشدّد برايس على أنّه “طالما أنّ القوات لم تنسحب، فسنستمرّ في دعوتها (…) لاحترام التزامها”.",
];

function isZodError(error: unknown): boolean {
  assert.ok(error instanceof ZodError, `expected ZodError, got ${String(error)}`);
  return true;
}

describe("article body documents", () => {
  test("round-trip paragraphs exactly through serialize and parse", () => {
    const body = bodyFromParagraphs(PARAGRAPHS);
    assert.deepEqual(body, {
      version: 1,
      blocks: PARAGRAPHS.map((text) => ({ type: "paragraph", text })),
    });
    const stored = serializeArticleBody(body);
    assert.equal(
      stored,
      JSON.stringify({ version: 1, blocks: PARAGRAPHS.map((text) => ({ type: "paragraph", text })) }),
    );
    const parsed = parseArticleBody(stored);
    assert.deepEqual(parsed, body);
    assert.deepEqual(
      parsed.blocks.map((block) => block.text),
      PARAGRAPHS,
    );
  });

  test("keeps script markup as the same plain string", () => {
    const markup = "<script>alert(1)</script>";
    const parsed = parseArticleBody(serializeArticleBody(bodyFromParagraphs([markup])));
    assert.deepEqual(parsed, { version: 1, blocks: [{ type: "paragraph", text: markup }] });
  });

  test("rejects a block of an unknown type", () => {
    const stored = JSON.stringify({ version: 1, blocks: [{ type: "html", text: "<b>خبر</b>" }] });
    assert.throws(() => parseArticleBody(stored), isZodError);
  });

  test("rejects a document with no blocks", () => {
    assert.throws(() => parseArticleBody(JSON.stringify({ version: 1, blocks: [] })), isZodError);
  });

  test("rejects a document of an unknown version", () => {
    const stored = JSON.stringify({ version: 2, blocks: [{ type: "paragraph", text: "خبر" }] });
    assert.throws(() => parseArticleBody(stored), isZodError);
  });

  test("rejects text that is not JSON", () => {
    assert.throws(() => parseArticleBody('{"version":1,"blocks":['), SyntaxError);
  });
});

describe("bodyExcerpt", () => {
  test("returns a short first paragraph whole", () => {
    assert.equal(bodyExcerpt(bodyFromParagraphs(["خبر قصير.", "فقرة ثانية."])), "خبر قصير.");
  });

  test("cuts a long first paragraph at a word boundary and ends it with an ellipsis", () => {
    const body = bodyFromParagraphs(["الولايات المتحدة تطالب روسيا بسحب جنودها من كازاخستان", "فقرة ثانية."]);
    assert.equal(bodyExcerpt(body, 30), "الولايات المتحدة تطالب روسيا…");
  });

  test("cuts at the default length of 220 characters on a word boundary", () => {
    const first = Array.from({ length: 60 }, () => "كلمة").join(" ");
    const excerpt = bodyExcerpt(bodyFromParagraphs([first]));
    assert.equal(excerpt, `${Array.from({ length: 44 }, () => "كلمة").join(" ")}…`);
    assert.equal(excerpt.length, 220);
  });
});

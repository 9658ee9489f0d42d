import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ZodError } from "zod";
import {
  blockPlainText,
  bodyExcerpt,
  bodyFromParagraphs,
  parseArticleBody,
  serializeArticleBody,
  type ArticleBlock,
  type ArticleBody,
} from "../../lib/articles/body/document";

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
      parsed.blocks.map((block) => (block.type === "paragraph" && "text" in block ? block.text : block)),
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

const RICH: ArticleBody = {
  version: 1,
  blocks: [
    { type: "heading", level: 2, content: [{ type: "text", text: "موقف واشنطن" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "قال " },
        { type: "strong", content: [{ type: "text", text: "برايس" }] },
        { type: "text", text: " في " },
        {
          type: "link",
          href: "https://www.state.gov/",
          content: [{ type: "emphasis", content: [{ type: "text", text: "بيان" }] }],
        },
        { type: "text", text: " إنّ “القوات يجب أن تنسحب”." },
      ],
    },
    { type: "quote", paragraphs: [{ type: "paragraph", text: "«طالما أنّ القوات لم تنسحب»" }] },
    { type: "list", ordered: true, items: [[{ type: "text", text: "أولاً" }], [{ type: "text", text: "ثانياً" }]] },
    { type: "image", src: "/media/almaty.jpg", alt: "ساحة في ألماتي", caption: "ألماتي، ٧ كانون الثاني" },
    { type: "image", src: "https://cdn.example.com/a.jpg", alt: "" },
  ],
};

function withBlock(block: unknown): string {
  return JSON.stringify({ version: 1, blocks: [block] });
}

const link = (href: string) => ({
  type: "paragraph",
  content: [{ type: "link", href, content: [{ type: "text", text: "خبر" }] }],
});
const image = (src: string) => ({ type: "image", src, alt: "صورة" });

describe("article body documents with headings, quotes, lists and images", () => {
  test("round-trip every block kind exactly through serialize and parse", () => {
    assert.deepEqual(parseArticleBody(serializeArticleBody(RICH)), RICH);
  });

  test("accept http, https and mailto links", () => {
    for (const href of ["http://example.com/a", "https://example.com/a?b=1&c=2", "mailto:news@example.com"]) {
      assert.deepEqual(parseArticleBody(withBlock(link(href))).blocks, [link(href)]);
    }
  });

  test("refuse links of any other scheme, relative links and scheme-less http", () => {
    for (const href of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<b>x</b>",
      "vbscript:x",
      "/articles/x",
      "//evil.example",
      "http:evil.example",
      "ftp://example.com",
    ]) {
      assert.throws(() => parseArticleBody(withBlock(link(href))), isZodError, href);
    }
  });

  test("accept http(s) images and site paths, refuse every other image source", () => {
    for (const src of ["/media/a.jpg", "https://cdn.example.com/a.jpg", "http://cdn.example.com/a.jpg"]) {
      assert.deepEqual(parseArticleBody(withBlock(image(src))).blocks, [image(src)]);
    }
    for (const src of [
      "//evil.example/a.jpg",
      "/\\evil.example/a.jpg",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "media/a.jpg",
      "",
      "/a b.jpg",
    ]) {
      assert.throws(() => parseArticleBody(withBlock(image(src))), isZodError, src);
    }
  });

  test("refuse a level-1 heading (the headline), empty content, a link inside a link, and unknown inline kinds", () => {
    const text = [{ type: "text", text: "عنوان" }];
    for (const block of [
      { type: "heading", level: 1, content: text },
      { type: "heading", level: 4, content: text },
      { type: "heading", level: 2, content: [] },
      { type: "list", ordered: false, items: [] },
      { type: "list", ordered: false, items: [[]] },
      { type: "quote", paragraphs: [] },
      { type: "image", src: "/a.jpg" },
      {
        type: "paragraph",
        content: [{ type: "link", href: "https://a.example", content: [link("https://b.example").content[0]] }],
      },
      { type: "paragraph", content: [{ type: "html", text: "<b>x</b>" }] },
      { type: "paragraph", content: [{ type: "text", text: "" }] },
    ]) {
      assert.throws(() => parseArticleBody(withBlock(block)), isZodError, JSON.stringify(block));
    }
  });

  test("give each block's plain text", () => {
    assert.deepEqual(
      RICH.blocks.map((block: ArticleBlock) => blockPlainText(block)),
      [
        "موقف واشنطن",
        "قال برايس في بيان إنّ “القوات يجب أن تنسحب”.",
        "«طالما أنّ القوات لم تنسحب»",
        "أولاً\nثانياً",
        "ألماتي، ٧ كانون الثاني",
        "",
      ],
    );
  });

  test("bodyExcerpt takes the plain text of the first paragraph, not the heading before it", () => {
    assert.equal(bodyExcerpt(RICH), "قال برايس في بيان إنّ “القوات يجب أن تنسحب”.");
    assert.equal(bodyExcerpt(RICH, 20), "قال برايس في بيان…");
  });
});

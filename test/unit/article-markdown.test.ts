import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  bodyFromParagraphs,
  parseArticleBody,
  serializeArticleBody,
  type ArticleBody,
} from "../../lib/articles/body/document";
import { BodyFormatError, bodyToMarkdown, markdownToBody } from "../../lib/articles/body/markdown";

const text = (value: string) => ({ type: "text", text: value }) as const;

function blocksOf(markdown: string) {
  return markdownToBody(markdown).blocks;
}

function isBodyFormatError(error: unknown): boolean {
  assert.ok(error instanceof BodyFormatError, `expected BodyFormatError, got ${String(error)}`);
  assert.equal(error.name, "BodyFormatError");
  assert.match(error.message, /empty/);
  return true;
}

describe("markdownToBody: block kinds", () => {
  test("blank-line-separated paragraphs become plain paragraphs; a single newline becomes a space", () => {
    assert.deepEqual(markdownToBody("الفقرة الأولى\nتكملتها.\n\nالفقرة الثانية."), {
      version: 1,
      blocks: [
        { type: "paragraph", text: "الفقرة الأولى تكملتها." },
        { type: "paragraph", text: "الفقرة الثانية." },
      ],
    });
  });

  test("CRLF and lone CR line endings read like LF, hard breaks like a space", () => {
    assert.deepEqual(blocksOf("سطر أول\r\nسطر ثان\r\n\r\nفقرة  \nبعد فاصل\rصريح"), [
      { type: "paragraph", text: "سطر أول سطر ثان" },
      { type: "paragraph", text: "فقرة بعد فاصل صريح" },
    ]);
  });

  test("# and ## are level-2 headings (the headline is the h1), ### and deeper level 3", () => {
    assert.deepEqual(blocksOf("# عنوان رئيسي\n\n## عنوان فرعي\n\n### أدنى\n\n#### أعمق"), [
      { type: "heading", level: 2, content: [text("عنوان رئيسي")] },
      { type: "heading", level: 2, content: [text("عنوان فرعي")] },
      { type: "heading", level: 3, content: [text("أدنى")] },
      { type: "heading", level: 3, content: [text("أعمق")] },
    ]);
    assert.equal(bodyToMarkdown(markdownToBody("## فرعي\n\n### أدنى")), "## فرعي\n\n### أدنى");
  });

  test("a quote holds its paragraphs", () => {
    assert.deepEqual(blocksOf("> قال المتحدث:\n> “سنواصل”.\n>\n> وأضاف *لاحقاً*."), [
      {
        type: "quote",
        paragraphs: [
          { type: "paragraph", text: "قال المتحدث: “سنواصل”." },
          { type: "paragraph", content: [text("وأضاف "), { type: "emphasis", content: [text("لاحقاً")] }, text(".")] },
        ],
      },
    ]);
  });

  test("bulleted and numbered lists; items are inline content", () => {
    assert.deepEqual(blocksOf("- موسكو\n- **ألماتي**\n\n1. أولاً\n2. ثانياً"), [
      {
        type: "list",
        ordered: false,
        items: [[text("موسكو")], [{ type: "strong", content: [text("ألماتي")] }]],
      },
      { type: "list", ordered: true, items: [[text("أولاً")], [text("ثانياً")]] },
    ]);
  });

  test("an image alone in its paragraph is an image block, its title the caption", () => {
    assert.deepEqual(
      blocksOf(
        '![ساحة الجمهورية](/media/almaty.jpg "ألماتي، ٧ كانون الثاني (أ ف ب)")\n\n![](https://cdn.example.com/a.jpg)',
      ),
      [
        { type: "image", src: "/media/almaty.jpg", alt: "ساحة الجمهورية", caption: "ألماتي، ٧ كانون الثاني (أ ف ب)" },
        { type: "image", src: "https://cdn.example.com/a.jpg", alt: "" },
      ],
    );
  });
});

describe("markdownToBody: inline content", () => {
  test("links, emphasis and strong, nested", () => {
    assert.deepEqual(
      blocksOf("قال **المتحدث [باسم الخارجية](https://www.state.gov/)** إنّ *الوضع* [مقلق](mailto:news@example.com)."),
      [
        {
          type: "paragraph",
          content: [
            text("قال "),
            {
              type: "strong",
              content: [
                text("المتحدث "),
                { type: "link", href: "https://www.state.gov/", content: [text("باسم الخارجية")] },
              ],
            },
            text(" إنّ "),
            { type: "emphasis", content: [text("الوضع")] },
            text(" "),
            { type: "link", href: "mailto:news@example.com", content: [text("مقلق")] },
            text("."),
          ],
        },
      ],
    );
  });

  test("emphasis attached to an Arabic word, and bold italic", () => {
    assert.deepEqual(blocksOf("*كلمة*متصلة و***مهم***"), [
      {
        type: "paragraph",
        content: [
          { type: "emphasis", content: [text("كلمة")] },
          text("متصلة و"),
          { type: "emphasis", content: [{ type: "strong", content: [text("مهم")] }] },
        ],
      },
    ]);
  });

  test("after an attached و only the asterisk emphasises: an underscore inside a word stays text", () => {
    assert.deepEqual(blocksOf("و*مائل* و_مائل_"), [
      { type: "paragraph", content: [text("و"), { type: "emphasis", content: [text("مائل")] }, text(" و_مائل_")] },
    ]);
  });

  test("an autolink is a link labelled with its address", () => {
    assert.deepEqual(blocksOf("<https://example.com/a>"), [
      {
        type: "paragraph",
        content: [{ type: "link", href: "https://example.com/a", content: [text("https://example.com/a")] }],
      },
    ]);
  });

  test("escaped delimiters stay literal text", () => {
    assert.deepEqual(blocksOf("\\*ليس مائلاً\\* و\\[ليس رابطاً\\]"), [
      { type: "paragraph", text: "*ليس مائلاً* و[ليس رابطاً]" },
    ]);
  });
});

describe("markdownToBody: nothing becomes markup, nothing is dropped", () => {
  test("a script tag is kept as literal text in a paragraph", () => {
    assert.deepEqual(blocksOf("<script>alert(1)</script>"), [{ type: "paragraph", text: "<script>alert(1)</script>" }]);
  });

  test("inline HTML is kept as literal text among the words", () => {
    assert.deepEqual(blocksOf('خبر <b onclick="x()">عاجل</b> <img src=x onerror=alert(1)>'), [
      { type: "paragraph", text: 'خبر <b onclick="x()">عاجل</b> <img src=x onerror=alert(1)>' },
    ]);
  });

  test("a javascript: link becomes its label as plain text", () => {
    assert.deepEqual(blocksOf("اضغط [هنا](javascript:alert(1)) الآن"), [{ type: "paragraph", text: "اضغط هنا الآن" }]);
  });

  test("a refused link keeps its label's emphasis; relative links are refused too", () => {
    assert.deepEqual(blocksOf("[**عاجل**](data:text/html,x) و[الأرشيف](/archive)"), [
      { type: "paragraph", content: [{ type: "strong", content: [text("عاجل")] }, text(" والأرشيف")] },
    ]);
  });

  test("a data: or scheme-relative image becomes the text it was typed as", () => {
    assert.deepEqual(blocksOf("![صورة](data:image/png;base64,AAAA)\n\n![شعار](//evil.example/a.png)"), [
      { type: "paragraph", text: "![صورة](data:image/png;base64,AAAA)" },
      { type: "paragraph", text: "![شعار](//evil.example/a.png)" },
    ]);
  });

  test("an image inside a sentence is not an inline image: its source stays as text", () => {
    assert.deepEqual(blocksOf("انظر ![الخريطة](/media/map.png) أدناه"), [
      { type: "paragraph", text: "انظر ![الخريطة](/media/map.png) أدناه" },
    ]);
  });

  test("code blocks, thematic breaks, tables and inline code keep their text", () => {
    assert.deepEqual(
      blocksOf(
        "```js\nconst a = 1;\n\nrun(a);\n```\n\n---\n\n| البلد | العدد |\n|---|---|\n| كازاخستان | ٣ |\n\nاستخدم `npm run`",
      ),
      [
        { type: "paragraph", text: "```js const a = 1;" },
        { type: "paragraph", text: "run(a); ```" },
        { type: "paragraph", text: "---" },
        { type: "paragraph", text: "| البلد | العدد | |---|---| | كازاخستان | ٣ |" },
        { type: "paragraph", text: "استخدم `npm run`" },
      ],
    );
  });

  test("a nested list, and a quote holding a list, keep their text", () => {
    assert.deepEqual(blocksOf("- روسيا\n  - موسكو\n- كازاخستان\n\n> رأي:\n> - أول"), [
      { type: "paragraph", text: "- روسيا - موسكو - كازاخستان" },
      { type: "paragraph", text: "> رأي: > - أول" },
    ]);
  });

  test("Arabic text, quotes and punctuation survive untouched, as do Latin quotes and the ellipsis", () => {
    const paragraph =
      'وشدّد برايس على أنّه “طالما أنّ القوات لم تنسحب، فسنستمرّ في دعوتها (…) لاحترام التزامها”؛ «هل تنسحب؟» قال: "نعم" - ١٢٣.';
    assert.deepEqual(blocksOf(paragraph), [{ type: "paragraph", text: paragraph }]);
    assert.equal(bodyToMarkdown(markdownToBody(paragraph)), paragraph);
  });

  test("empty or whitespace-only input throws BodyFormatError", () => {
    for (const empty of ["", "   ", "\n\n\t\n", "\r\n\r\n", "\u00a0\n"]) {
      assert.throws(() => markdownToBody(empty), isBodyFormatError, JSON.stringify(empty));
    }
  });
});

const EVERY_KIND: ArticleBody = {
  version: 1,
  blocks: [
    { type: "heading", level: 2, content: [text("موقف واشنطن")] },
    { type: "paragraph", text: "دعت الولايات المتّحدة روسيا إلى أن تسحب “بسرعة” الجنود (…) من كازاخستان." },
    {
      type: "paragraph",
      content: [
        text("قال "),
        { type: "strong", content: [text("برايس")] },
        text(" في "),
        {
          type: "link",
          href: "https://www.state.gov/briefings?id=1&lang=ar",
          content: [{ type: "emphasis", content: [text("بيان")] }],
        },
        text(": «"),
        { type: "emphasis", content: [{ type: "strong", content: [text("سننتظر")] }] },
        text("» — "),
        { type: "link", href: "mailto:desk@example.com", content: [text("راسلونا")] },
        text("!"),
      ],
    },
    { type: "heading", level: 3, content: [text("رقم "), { type: "emphasis", content: [text("#١")] }, text(" #")] },
    {
      type: "quote",
      paragraphs: [
        { type: "paragraph", text: "“طالما أنّ القوات لم تنسحب”" },
        { type: "paragraph", content: [{ type: "strong", content: [text("برايس")] }, text("، الثلاثاء")] },
      ],
    },
    {
      type: "list",
      ordered: false,
      items: [[text("موسكو")], [{ type: "link", href: "http://example.com/a_(b)", content: [text("ألماتي")] }]],
    },
    { type: "list", ordered: false, items: [[text("قائمة ثانية تلي الأولى")]] },
    { type: "list", ordered: true, items: [[text("١. أولاً")], [text("- ثانياً")], [text("# ثالثاً")]] },
    { type: "image", src: "/media/almaty.jpg", alt: "ساحة [الجمهورية]", caption: 'ألماتي "الشتاء" (أ ف ب)' },
    { type: "image", src: "https://cdn.example.com/a b.jpg", alt: "" },
    { type: "paragraph", text: "<script>alert(1)</script> *ليس مائلاً* 1. & &amp; \\ [x](y) !" },
    { type: "paragraph", text: "- ليست قائمة" },
    { type: "paragraph", text: "2) ليست قائمة" },
    { type: "paragraph", text: "> ليس اقتباساً" },
    { type: "paragraph", text: "## ليس عنواناً" },
  ],
};

const EVERY_KIND_MARKDOWN = [
  "## موقف واشنطن",
  "دعت الولايات المتّحدة روسيا إلى أن تسحب “بسرعة” الجنود (…) من كازاخستان.",
  "قال **برايس** في [*بيان*](https://www.state.gov/briefings?id=1&lang=ar): «***سننتظر***» — [راسلونا](mailto:desk@example.com)!",
  "### رقم *\\#١* \\#",
  "> “طالما أنّ القوات لم تنسحب”\n>\n> **برايس**، الثلاثاء",
  "- موسكو\n- [ألماتي](<http://example.com/a_(b)>)",
  "* قائمة ثانية تلي الأولى",
  "1. ١. أولاً\n2. \\- ثانياً\n3. \\# ثالثاً",
  '![ساحة \\[الجمهورية\\]](/media/almaty.jpg "ألماتي \\"الشتاء\\" (أ ف ب)")',
  "![](<https://cdn.example.com/a b.jpg>)",
  "\\<script>alert(1)\\</script> \\*ليس مائلاً\\* 1. & \\&amp; \\\\ \\[x\\](y) !",
  "\\- ليست قائمة",
  "2\\) ليست قائمة",
  "\\> ليس اقتباساً",
  "\\## ليس عنواناً",
].join("\n\n");

describe("round trips", () => {
  test("bodyToMarkdown writes every block kind as the Markdown an editor would type", () => {
    assert.equal(bodyToMarkdown(EVERY_KIND), EVERY_KIND_MARKDOWN);
  });

  test("a document using every block kind reads back unchanged from its Markdown", () => {
    assert.deepEqual(markdownToBody(bodyToMarkdown(EVERY_KIND)), EVERY_KIND);
  });

  test("the stored form survives the same trip", () => {
    const stored = serializeArticleBody(EVERY_KIND);
    assert.equal(serializeArticleBody(markdownToBody(bodyToMarkdown(parseArticleBody(stored)))), stored);
  });

  test("Markdown is stable after one pass", () => {
    const typed = [
      "### عنوان #",
      "فقرة\nعلى سطرين مع __عريض__ و _مائل_ و **_كليهما_** و<https://example.com>.",
      "> اقتباس\nمتصل",
      "+ عنصر\n+ آخر",
      "3) ثالث\n4) رابع",
      "![صورة](/a.jpg 'تعليق')",
      "<div>كتلة HTML</div>",
      "    شيفرة مزاحة",
      "***",
      "[ref]: https://example.com\n\n[مرجع][ref] و`شيفرة`",
    ].join("\n\n");
    const once = bodyToMarkdown(markdownToBody(typed));
    assert.equal(
      once,
      [
        "### عنوان",
        "فقرة على سطرين مع **عريض** و *مائل* و ***كليهما*** و[https://example.com](https://example.com).",
        "> اقتباس متصل",
        "- عنصر\n- آخر",
        "1. ثالث\n2. رابع",
        '![صورة](/a.jpg "تعليق")',
        "\\<div>كتلة HTML\\</div>",
        "شيفرة مزاحة",
        "\\*\\*\\*",
        "\\[ref\\]: https://example.com",
        "\\[مرجع\\]\\[ref\\] و\\`شيفرة\\`",
      ].join("\n\n"),
    );
    assert.equal(bodyToMarkdown(markdownToBody(once)), once);
    assert.deepEqual(markdownToBody(once), markdownToBody(typed));
  });

  test("version-1 documents of plain paragraphs become Markdown paragraphs and come back identical", () => {
    const paragraphs = [
      "دعت الولايات المتّحدة روسيا إلى أن تسحب “بسرعة” الجنود الذين أرسلتهم إلى كازاخستان.",
      "وشدّد برايس على أنّه “طالما أنّ القوات لم تنسحب، فسنستمرّ في دعوتها (…) لاحترام التزامها”.",
      "<script>alert(1)</script>",
      "1. بند * نجمة _ شرطة [قوس] `علامة`",
    ];
    const stored = serializeArticleBody(bodyFromParagraphs(paragraphs));
    const markdown = bodyToMarkdown(parseArticleBody(stored));
    assert.equal(
      markdown,
      [
        paragraphs[0],
        paragraphs[1],
        "\\<script>alert(1)\\</script>",
        "1\\. بند \\* نجمة \\_ شرطة \\[قوس\\] \\`علامة\\`",
      ].join("\n\n"),
    );
    assert.equal(serializeArticleBody(markdownToBody(markdown)), stored);
  });
});

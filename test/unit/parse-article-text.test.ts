import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { ArticleFormatError, parseArticleText } from "../../lib/import/parse-article-text";

const SEED_PATH = path.join("prisma", "seed", "almnatiq-1101899.txt");
const seedText = readFileSync(SEED_PATH, "utf8");

const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";
const SEED_FIRST_PARAGRAPH =
  "دعت الولايات المتّحدة أمس الثلاثاء روسيا إلى أن تسحب “بسرعة” الجنود الذين أرسلتهم إلى كازاخستان لمساعدة الدولة الواقعة في آسيا الوسطى على إعادة بسط الأمن بعد أعمال الشغب العنيفة التي شهدتها ودفعت برئيسها قاسم-جومارت توكاييف لطلب هذه المؤازرة العسكرية.";
const SEED_ELLIPSIS_PARAGRAPH =
  "وشدّد برايس على أنّه “طالما أنّ قوات منظمة معاهدة الأمن الجماعي لم تنسحب، فسنستمرّ في دعوتها (…) لاحترام التزامها الانسحاب سريعاً من كازاخستان تلبية لطلب الحكومة الكازاخية”.";
const SEED_LAST_PARAGRAPH =
  "واعتبرت السلطات الكازاخية أنّ الاضطرابات التي اندلعت الأسبوع الماضي عقب تظاهرة سلمية احتجاجاً على رفع أسعار الغاز في غرب البلاد “محاولة انقلابية” يقف وراءها “إرهابيون” أجانب.";

const BODY_ONE = "قال المتحدث إن الاجتماع انتهى باتفاق على مواصلة المحادثات الأسبوع المقبل.";
const BODY_TWO = "وأضاف أن الطرفين سيعلنان التفاصيل في بيان مشترك.";

function article(lines: string[]): string {
  return lines.join("\n");
}

function formatError(reason: RegExp, line?: number) {
  return (error: unknown) => {
    assert.ok(error instanceof ArticleFormatError, `expected ArticleFormatError, got ${String(error)}`);
    assert.match(error.message, reason);
    if (line !== undefined) assert.equal(error.line, line);
    return true;
  };
}

describe("parseArticleText on the almnatiq seed article", () => {
  const parsed = parseArticleText(seedText);

  test("reads the headline exactly", () => {
    assert.equal(parsed.headline, SEED_HEADLINE);
  });

  test("does not put the repeated headline line into the body", () => {
    assert.equal(parsed.paragraphs.includes(SEED_HEADLINE), false);
  });

  test("reads exactly nine paragraphs with the first and last kept byte for byte", () => {
    assert.equal(parsed.paragraphs.length, 9);
    assert.equal(parsed.paragraphs[0], SEED_FIRST_PARAGRAPH);
    assert.equal(parsed.paragraphs[8], SEED_LAST_PARAGRAPH);
  });

  test("keeps a paragraph with an elided quotation and Arabic quote marks exactly as written", () => {
    assert.equal(parsed.paragraphs[4], SEED_ELLIPSIS_PARAGRAPH);
    assert.ok(parsed.paragraphs[4].includes("(…)"));
  });

  test("splits the lead-image caption from its photo credit and usage rights", () => {
    assert.ok(parsed.leadImage);
    assert.ok(parsed.leadImage.caption.startsWith("This handout image grab"));
    assert.equal(parsed.leadImage.caption.includes("(Photo by"), false);
    assert.equal(parsed.leadImage.credit, "Photo by Handout / Russian Defence Ministry / AFP");
    assert.ok(parsed.leadImage.rights?.startsWith("RESTRICTED TO EDITORIAL USE"));
    assert.equal(parsed.leadImage.captionLang, "en");
  });

  test("reads the source URL and the legacy id from its ?p= parameter", () => {
    assert.equal(parsed.sourceUrl, "https://almnatiq.net/?p=1101899");
    assert.equal(parsed.legacyId, "1101899");
  });

  test("reads the section and byline from the desk label", () => {
    assert.equal(parsed.sectionName, "متابعات");
    assert.equal(parsed.bylineLabel, "المناطق_متابعات");
  });

  test("sees that comments are closed", () => {
    assert.equal(parsed.commentsOpen, false);
  });

  test("leaves the comments widget and the ad slot out of the body", () => {
    assert.equal(
      parsed.paragraphs.some((paragraph) => paragraph.includes("التعليقات")),
      false,
    );
    assert.equal(
      parsed.paragraphs.some((paragraph) => paragraph.includes("Advertisements")),
      false,
    );
  });
});

describe("parseArticleText on synthetic pages", () => {
  test("parses CRLF line endings and a byte order mark the same as plain newlines", () => {
    const windowsText = `\uFEFF${seedText.replace(/\n/g, "\r\n")}`;
    assert.notEqual(windowsText, seedText);
    assert.deepEqual(parseArticleText(windowsText), parseArticleText(seedText));
  });

  test("treats comments as open when the page has no comments widget", () => {
    const parsed = parseArticleText(article(["عنوان الخبر", "https://example.com/?p=7", BODY_ONE, BODY_TWO]));
    assert.equal(parsed.commentsOpen, true);
    assert.deepEqual(parsed.paragraphs, [BODY_ONE, BODY_TWO]);
  });

  test("treats comments as open when the comment counter has no closed notice", () => {
    const parsed = parseArticleText(
      article(["عنوان الخبر", "https://example.com/?p=7", BODY_ONE, BODY_TWO, "التعليقات (٣) اضف تعليق"]),
    );
    assert.equal(parsed.commentsOpen, true);
    assert.deepEqual(parsed.paragraphs, [BODY_ONE, BODY_TWO]);
  });

  test("takes the legacy id from a numeric last path segment", () => {
    const parsed = parseArticleText(article(["عنوان الخبر", "https://example.com/news/4242", BODY_ONE]));
    assert.equal(parsed.sourceUrl, "https://example.com/news/4242");
    assert.equal(parsed.legacyId, "4242");
  });

  test("has no legacy id when the URL carries no numeric id", () => {
    const parsed = parseArticleText(article(["عنوان الخبر", "https://example.com/news/story", BODY_ONE]));
    assert.equal(parsed.legacyId, null);
  });

  test("reads an Arabic caption with its Arabic photographer credit", () => {
    const parsed = parseArticleText(
      article(["عنوان الخبر", "صورة للاجتماع (تصوير: أحمد علي)", "https://example.com/?p=7", BODY_ONE]),
    );
    assert.deepEqual(parsed.leadImage, {
      caption: "صورة للاجتماع",
      credit: "تصوير: أحمد علي",
      rights: null,
      captionLang: "ar",
    });
  });

  test("has no lead image when there are no caption lines", () => {
    const parsed = parseArticleText(article(["عنوان الخبر", "https://example.com/?p=7", BODY_ONE]));
    assert.equal(parsed.leadImage, null);
  });

  test("does not take a long first body line after the URL as the section label", () => {
    const parsed = parseArticleText(article(["عنوان الخبر", "https://example.com/?p=7", BODY_ONE, BODY_TWO]));
    assert.equal(parsed.sectionName, null);
    assert.equal(parsed.bylineLabel, null);
    assert.deepEqual(parsed.paragraphs, [BODY_ONE, BODY_TWO]);
  });
});

describe("parseArticleText errors", () => {
  test("rejects an empty file as having no headline", () => {
    assert.throws(() => parseArticleText(""), formatError(/no headline/));
  });

  test("rejects a file of blank lines as having no headline", () => {
    assert.throws(() => parseArticleText("\n  \n\t\n\r\n"), formatError(/no headline/));
  });

  test("rejects a file whose first line is a URL, pointing at line 1", () => {
    assert.throws(
      () => parseArticleText(article(["https://example.com/?p=7", BODY_ONE])),
      formatError(/no headline/, 1),
    );
  });

  test("rejects a file with no source URL line", () => {
    assert.throws(
      () => parseArticleText(article(["عنوان الخبر", "", BODY_ONE, BODY_TWO])),
      formatError(/no source URL/),
    );
  });

  test("rejects a file with no paragraphs after the source URL", () => {
    assert.throws(
      () => parseArticleText(article(["عنوان الخبر", "https://example.com/?p=7", ""])),
      formatError(/no body/),
    );
    assert.throws(
      () =>
        parseArticleText(
          article(["عنوان الخبر", "https://example.com/?p=7", "التعليقات (٠) اضف تعليق", "Advertisements"]),
        ),
      formatError(/no body/),
    );
  });

  test("rejects text after the comments widget, naming its line", () => {
    const text = article([
      "عنوان الخبر",
      "https://example.com/?p=7",
      BODY_ONE,
      "التعليقات (٠) اضف تعليق",
      "",
      "فقرة ضائعة بعد التعليقات",
      "Advertisements",
    ]);
    assert.throws(() => parseArticleText(text), formatError(/^line 6: unexpected text/, 6));
  });

  test("rejects a file containing a NUL character", () => {
    const text = article(["عنوان الخبر", "https://example.com/?p=7", `${BODY_ONE}\u0000`]);
    assert.throws(() => parseArticleText(text), formatError(/control characters/));
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bodyFromParagraphs } from "../../lib/articles/body/document";
import type { ReaderArticle } from "../../lib/articles/reads";
import {
  articleDescription,
  newsArticleJsonLd,
  serializeJsonLd,
  shareTitle,
  type SiteIdentity,
} from "../../lib/distribution/structured-data";

const site: SiteIdentity = { name: "المرصد", url: new URL("https://almarsad.example"), logoPath: "/icon.svg" };
const ISO_WITH_TIMEZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The JSON-LD's own properties, for looking at one at a time. */
const fields = (data: object): Record<string, unknown> => Object.fromEntries(Object.entries(data));

const slug = "قمة-عربية-طارئة";
const canonical = `https://almarsad.example/articles/${encodeURIComponent(slug)}`;

/** An article signed by a newsroom author, with an uploaded photo, tags and a section. */
function article(overrides: Partial<ReaderArticle> = {}): ReaderArticle {
  return {
    id: 7,
    slug,
    headline: "قمة عربية طارئة تبحث وقف إطلاق النار",
    dek: "القادة يجتمعون في القاهرة لبحث الممرات الإنسانية.",
    body: bodyFromParagraphs(["افتتحت القمة أعمالها صباح اليوم.", "وتستمر يومين."]),
    section: { slug: "متابعات", name: "متابعات" },
    tags: [
      { slug: "جامعة-الدول-العربية", name: "جامعة الدول العربية" },
      { slug: "قمة", name: "قمة" },
    ],
    byline: { name: "سارة أحمد", path: "/authors/sara", kind: "author" },
    bylineLabel: null,
    sourceUrl: null,
    publishedAt: new Date("2022-01-12T05:00:00.000Z"),
    updatedAt: new Date("2022-01-12T07:30:00.000Z"),
    leadImage: {
      url: "/media/abc123/original-1800x1000.jpg",
      alt: "قادة عرب في قاعة القمة",
      caption: "القادة في الجلسة الافتتاحية",
      credit: "تصوير: فريق الموقع",
      captionLang: "ar",
    },
    commentsOpen: true,
    approvedCommentCount: 0,
    ...overrides,
  };
}

/** Like the seed: signed by a desk label, with a photo's English caption and credit but no file. */
const seedLike = article({
  headline: "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان",
  dek: null,
  body: bodyFromParagraphs(["دعت الولايات المتّحدة أمس الثلاثاء روسيا إلى أن تسحب “بسرعة” الجنود."]),
  tags: [],
  byline: { name: "المناطق_متابعات", path: `/sources/${encodeURIComponent("المناطق_متابعات")}`, kind: "source" },
  bylineLabel: "المناطق_متابعات",
  leadImage: {
    url: null,
    alt: "",
    caption: "This handout image grab taken and released by the Russian Defence Ministry on January 6, 2021.",
    credit: "Photo by Handout / Russian Defence Ministry / AFP",
    captionLang: "en",
  },
});

describe("newsArticleJsonLd", () => {
  test("has every recommended property, with absolute URLs, for an article with an uploaded photo", () => {
    assert.deepEqual(newsArticleJsonLd(article(), site), {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "قمة عربية طارئة تبحث وقف إطلاق النار",
      description: "القادة يجتمعون في القاهرة لبحث الممرات الإنسانية.",
      url: canonical,
      mainEntityOfPage: canonical,
      inLanguage: "ar",
      datePublished: "2022-01-12T05:00:00.000Z",
      dateModified: "2022-01-12T07:30:00.000Z",
      image: {
        "@type": "ImageObject",
        url: "https://almarsad.example/media/abc123/original-1800x1000.jpg",
        contentUrl: "https://almarsad.example/media/abc123/original-1800x1000.jpg",
        width: { "@type": "QuantitativeValue", value: 1800, unitCode: "E37" },
        height: { "@type": "QuantitativeValue", value: 1000, unitCode: "E37" },
        description: "قادة عرب في قاعة القمة",
        caption: "القادة في الجلسة الافتتاحية",
        creditText: "تصوير: فريق الموقع",
        inLanguage: "ar",
      },
      author: { "@type": "Person", name: "سارة أحمد", url: "https://almarsad.example/authors/sara" },
      publisher: {
        "@type": "Organization",
        name: "المرصد",
        url: "https://almarsad.example/",
        logo: { "@type": "ImageObject", url: "https://almarsad.example/icon.svg" },
      },
      articleSection: "متابعات",
      keywords: ["جامعة الدول العربية", "قمة"],
    });
  });

  test("a byline label is an Organization; a caption and credit without a file make an ImageObject with no url", () => {
    const data = fields(newsArticleJsonLd(seedLike, site));
    assert.deepEqual(data.author, {
      "@type": "Organization",
      name: "المناطق_متابعات",
      url: `https://almarsad.example/sources/${encodeURIComponent("المناطق_متابعات")}`,
    });
    assert.deepEqual(data.image, {
      "@type": "ImageObject",
      caption: "This handout image grab taken and released by the Russian Defence Ministry on January 6, 2021.",
      creditText: "Photo by Handout / Russian Defence Ministry / AFP",
      inLanguage: "en",
    });
    const image = data.image as Record<string, unknown>;
    for (const key of ["url", "contentUrl", "width", "height"]) assert.equal(key in image, false, key);
    assert.equal(data.headline, seedLike.headline);
    assert.equal(data.description, "دعت الولايات المتّحدة أمس الثلاثاء روسيا إلى أن تسحب “بسرعة” الجنود.");
    assert.equal("keywords" in data, false);
  });

  test("an image that is not an upload keeps its URL, with no size invented", () => {
    const external = article({
      leadImage: {
        url: "https://images.example.org/summit.jpg",
        alt: "",
        caption: null,
        credit: null,
        captionLang: "ar",
      },
    });
    assert.deepEqual(newsArticleJsonLd(external, site).image, {
      "@type": "ImageObject",
      url: "https://images.example.org/summit.jpg",
      contentUrl: "https://images.example.org/summit.jpg",
    });
  });

  test("leaves out what the article does not have: no byline, photo, section or tags", () => {
    const bare = fields(newsArticleJsonLd(article({ byline: null, leadImage: null, section: null, tags: [] }), site));
    for (const key of ["author", "image", "articleSection", "keywords"]) assert.equal(key in bare, false, key);
    assert.equal(bare.publisher !== undefined, true);
  });

  test("dates are ISO 8601 with a timezone, and modification is never before publication", () => {
    const scheduled = article({
      publishedAt: new Date("2022-03-01T09:00:00+03:00"),
      updatedAt: new Date("2022-02-28T18:00:00+03:00"),
    });
    const data = fields(newsArticleJsonLd(scheduled, site));
    assert.match(String(data.datePublished), ISO_WITH_TIMEZONE);
    assert.match(String(data.dateModified), ISO_WITH_TIMEZONE);
    assert.equal(data.datePublished, "2022-03-01T06:00:00.000Z");
    assert.equal(data.dateModified, "2022-03-01T06:00:00.000Z");
  });

  test("keeps a headline longer than Google's 110 characters whole", () => {
    const headline = "كلمة ".repeat(40).trim();
    assert.ok(headline.length > 110);
    assert.equal(newsArticleJsonLd(article({ headline }), site).headline, headline);
  });
});

describe("serializeJsonLd", () => {
  const hostile = "عنوان </script><script>alert(1)</script> و ]]> و <!-- & \u2028 \u2029 نهاية";

  test("writes no <, > or & and no line or paragraph separator, and parses back to the same data", () => {
    const data = newsArticleJsonLd(article({ headline: hostile, dek: hostile }), site);
    const json = serializeJsonLd(data);
    assert.equal(json.includes("<"), false);
    assert.equal(json.includes(">"), false);
    assert.equal(json.includes("&"), false);
    assert.equal(/[\u2028\u2029]/.test(json), false);
    assert.ok(json.includes("\\u003c/script\\u003e"));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    assert.equal(parsed.headline, hostile);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(data)));
  });
});

describe("share texts", () => {
  test("the description is the dek, or the opening paragraph, cut to at most 200 characters", () => {
    assert.equal(articleDescription(article()), "القادة يجتمعون في القاهرة لبحث الممرات الإنسانية.");
    const long = "خبر ".repeat(80).trim();
    for (const description of [
      articleDescription(article({ dek: long })),
      articleDescription(article({ dek: null, body: bodyFromParagraphs([long]) })),
    ]) {
      assert.ok(description);
      assert.ok(description.length <= 200, `${description.length} characters`);
      assert.ok(description.endsWith("…"));
      assert.ok(long.startsWith(description.slice(0, -1)));
    }
    const unbroken = "ب".repeat(250);
    assert.equal(articleDescription(article({ dek: unbroken }))?.length, 200);
  });

  test("the card title is the headline when it fits in 70 characters, else cut at a word with …", () => {
    assert.equal(shareTitle("قمة عربية طارئة"), "قمة عربية طارئة");
    const exactly70 = "ب".repeat(70);
    assert.equal(shareTitle(exactly70), exactly70);
    const headline = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان بعد أعمال الشغب العنيفة";
    const title = shareTitle(headline);
    assert.ok(headline.length > 70);
    assert.ok(title.length <= 70, `${title.length} characters`);
    assert.ok(title.endsWith("…"));
    const kept = title.slice(0, -1);
    assert.ok(headline.startsWith(kept));
    assert.equal(headline[kept.length], " ", "cut at a space, not inside a word");
  });
});

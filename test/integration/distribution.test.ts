import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GET as atomRoute } from "../../app/atom.xml/route";
import { GET as sectionFeedRoute } from "../../app/(site)/sections/[slug]/feed.xml/route";
import { GET as siteFeedRoute } from "../../app/feed.xml/route";
import { GET as newsSitemapRoute } from "../../app/news-sitemap.xml/route";
import robots from "../../app/robots";
import { bodyFromParagraphs, serializeArticleBody } from "../../lib/articles/body/document";
import { db } from "../../lib/db/client";
import { buildAtom, buildRss, FEED_ITEM_LIMIT, getSectionFeed, getSiteFeed } from "../../lib/distribution/feeds";
import { buildNewsSitemap, listNewsSitemapEntries, NEWS_SITEMAP_LIMIT } from "../../lib/distribution/news-sitemap";
import { buildSitemap } from "../../lib/distribution/sitemap-xml";
import { w3cDateTime } from "../../lib/distribution/xml";
import { articlePath, sectionPath, tagPath } from "../../lib/paths";
import { site } from "../../lib/site";
import { sitemapDocument, sitemapPartDocument, sitemapPartNumber } from "../../lib/distribution/sitemaps";
import { createArticle } from "../support/factories";

// --- helpers -------------------------------------------------------------------------------------

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const HOUR = 3_600_000;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Keep every value a string: a headline of digits must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, jpath) =>
    ["item", "entry", "category", "url", "sitemap", "atom:link"].includes(name) ||
    ["feed.link", "feed.entry.link"].includes(String(jpath)),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped: the assertions below are the checks
type Xml = any;

/** Parses a document after checking it is well-formed XML (the parser alone is lenient). */
function parseXml(xml: string): Xml {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `not well-formed XML: ${JSON.stringify(valid)}\n${xml}`);
  return parser.parse(xml);
}

/** What a feed reader shows for an HTML text (RSS description, Atom type="html"). */
function htmlText(html: string): string {
  return html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, name: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[name]!,
  );
}

const unique = () => randomUUID().slice(0, 8);
const absolute = (path: string) => new URL(path, site.url).toString();
const rssItems = (xml: string): Xml[] => parseXml(xml).rss.channel.item ?? [];
const atomEntries = (xml: string): Xml[] => parseXml(xml).feed.entry ?? [];
const sitemapLocs = (xml: string): string[] => (parseXml(xml).urlset.url ?? []).map((url: Xml) => url.loc);
const sitemapIndexLocs = async (xml: Promise<string>): Promise<string[]> =>
  (parseXml(await xml).sitemapindex.sitemap ?? []).map((sitemap: Xml) => sitemap.loc);

async function createSection(name = `قسم ${unique()}`) {
  return db.section.create({ data: { name, slug: `قسم-${unique()}` } });
}

async function createTag(name: string) {
  return db.tag.create({ data: { name, slug: `وسم-${unique()}` } });
}

/** A published article in a section, with tags and, optionally, a dek. */
async function createFiledArticle({
  headline,
  sectionId,
  tagIds = [],
  dek = null,
  publishedAt,
}: {
  headline?: string;
  sectionId?: number;
  tagIds?: number[];
  dek?: string | null;
  publishedAt?: Date;
}) {
  const article = await createArticle({ headline, publishedAt });
  return db.article.update({
    where: { id: article.id },
    data: {
      dek,
      sectionId: sectionId ?? null,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
    },
  });
}

/** One of each kind readers must never see, all in `sectionId` when given. */
async function createHiddenArticles(sectionId?: number) {
  const draft = await createArticle({ headline: `مسودة ${unique()}`, status: "DRAFT", publishedAt: null });
  const future = await createArticle({
    headline: `مجدول لاحقًا ${unique()}`,
    status: "SCHEDULED",
    publishedAt: new Date(Date.now() + HOUR),
  });
  const trashed = await createArticle({ headline: `محذوف ${unique()}` });
  await db.article.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
  if (sectionId)
    await db.article.updateMany({ where: { id: { in: [draft.id, future.id, trashed.id] } }, data: { sectionId } });
  return [draft, future, trashed];
}

// --- RSS -----------------------------------------------------------------------------------------

describe("the site RSS feed", () => {
  test("has the channel's title, link, language and own address", async () => {
    const channel = parseXml(buildRss(await getSiteFeed())).rss.channel;
    assert.equal(channel.title, site.name);
    assert.equal(channel.link, absolute("/"));
    assert.equal(channel.description, site.description);
    assert.equal(channel.language, "ar");
    const self = channel["atom:link"].find((link: Xml) => link["@_rel"] === "self");
    assert.equal(self["@_href"], absolute("/feed.xml"));
  });

  test("gives each item its exact Arabic headline, absolute link, permalink guid, RFC 822 date, categories and description", async () => {
    const section = await createSection(`متابعات & تحليلات ${unique()}`);
    const tagA = await createTag(`روسيا ${unique()}`);
    const tagB = await createTag(`كازاخستان ${unique()}`);
    const headline = `الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” & <فورًا> ${unique()}`;
    const dek = `واشنطن تقول إن "المهمة" انتهت & <لا> حاجة للبقاء ${unique()}`;
    const withDek = await createFiledArticle({ headline, sectionId: section.id, tagIds: [tagB.id, tagA.id], dek });
    const withoutDek = await createFiledArticle({ headline: `خبر بلا موجز ${unique()}` });

    const items = rssItems(buildRss(await getSiteFeed()));
    const item = items.find((candidate) => candidate.title === headline);
    assert.ok(item, "the article is in the feed under its exact headline");

    const link = absolute(articlePath(withDek.slug));
    assert.match(link, /^https?:\/\//);
    assert.equal(item.link, link);
    assert.deepEqual(item.guid, { "#text": link, "@_isPermaLink": "true" });
    assert.match(item.pubDate, RFC_822);
    assert.equal(Date.parse(item.pubDate), Math.floor(withDek.publishedAt!.getTime() / 1000) * 1000);
    // The section first, then the tags by name.
    assert.deepEqual(item.category, [section.name, ...[tagA.name, tagB.name].sort()]);
    assert.equal(htmlText(item.description), dek);

    const plain = items.find((candidate) => candidate.link === absolute(articlePath(withoutDek.slug)));
    assert.equal(htmlText(plain.description), "فقرة أولى للاختبار.", "without a dek, the opening of the body");
    assert.equal(plain.category, undefined, "no section, no tags: no category");
  });

  test("lists the latest 30 public articles, newest first", async () => {
    const base = Date.now() - 10 * 60_000;
    for (let index = 0; index < FEED_ITEM_LIMIT + 2; index += 1) {
      await createArticle({ headline: `خبر متتابع ${index}`, publishedAt: new Date(base + index * 1000) });
    }
    const items = rssItems(buildRss(await getSiteFeed()));
    assert.equal(items.length, FEED_ITEM_LIMIT);
    const dates = items.map((item) => Date.parse(item.pubDate));
    assert.deepEqual(
      dates,
      [...dates].sort((a, b) => b - a),
    );
  });

  test("never carries drafts, articles scheduled for later or trashed articles", async () => {
    const hidden = await createHiddenArticles();
    const shown = await createArticle({ headline: `منشور ظاهر ${unique()}` });
    const rss = buildRss(await getSiteFeed());
    const atom = buildAtom(await getSiteFeed());
    assert.ok(rssItems(rss).some((item) => item.title === shown.headline));
    for (const article of hidden) {
      for (const xml of [rss, atom]) {
        assert.ok(!xml.includes(article.headline), `${article.headline} is not in the feed`);
        assert.ok(!xml.includes(articlePath(article.slug)));
      }
    }
  });

  test("keeps a headline that looks like markup or ends CDATA as text, however often", async () => {
    const headline = `</title><script>alert("x")</script> ]]> أولى ]]> ثانية ]]]]> & &amp; ’ ${unique()}`;
    const section = await createSection();
    const oddTag = await createTag(`بحث &amp; تطوير < ${unique()}`);
    const article = await createFiledArticle({
      headline,
      sectionId: section.id,
      tagIds: [oddTag.id],
      dek: `<b>موجز</b> ]]> ${unique()}`,
    });

    const rss = buildRss(await getSiteFeed());
    const item = rssItems(rss).find((candidate) => candidate.link === absolute(articlePath(article.slug)));
    assert.equal(item.title, headline);
    assert.equal(item.script, undefined, "no element came out of the headline");
    assert.deepEqual(item.category, [section.name, oddTag.name]);
    assert.equal(htmlText(item.description), article.dek);

    const atom = buildAtom(await getSiteFeed());
    const entry = atomEntries(atom).find((candidate) => candidate.id === absolute(articlePath(article.slug)));
    assert.equal(htmlText(entry.title["#text"]), headline);
    // A `<` cannot be written in an Atom attribute by the feed package: that tag is left out there.
    assert.deepEqual(
      entry.category.map((category: Xml) => category["@_term"]),
      [section.name],
    );

    const sectionRss = buildRss((await getSectionFeed(section.slug))!);
    assert.equal(rssItems(sectionRss)[0].title, headline);
  });

  test("drops characters XML cannot carry instead of writing a broken document", async () => {
    const article = await createArticle({ headline: `عنوان\u0008 فيه\u001B محارف تحكم ${unique()}` });
    const rss = buildRss(await getSiteFeed());
    const item = rssItems(rss).find((candidate) => candidate.link === absolute(articlePath(article.slug)));
    assert.equal(item.title, article.headline.replace(/[\u0008\u001B]/g, ""));
    parseXml(buildAtom(await getSiteFeed()));
  });

  test("is served as RSS in UTF-8 with a short public cache", async () => {
    const response = await siteFeedRoute();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/rss+xml; charset=utf-8");
    assert.equal(response.headers.get("cache-control"), "public, max-age=300");
    assert.equal(parseXml(await response.text()).rss["@_version"], "2.0");
  });
});

// --- Atom ----------------------------------------------------------------------------------------

describe("the site Atom feed", () => {
  test("has ids, dates, links and html-typed text on the feed and its entries", async () => {
    const section = await createSection();
    const tag = await createTag(`اقتصاد ${unique()}`);
    const headline = `النفط “يرتفع” & الذهب <يتراجع> ${unique()}`;
    const article = await createFiledArticle({
      headline,
      sectionId: section.id,
      tagIds: [tag.id],
      dek: `موجز ${unique()}`,
    });

    const xml = buildAtom(await getSiteFeed());
    const feed = parseXml(xml).feed;
    assert.equal(feed["@_xmlns"], "http://www.w3.org/2005/Atom");
    assert.equal(feed.title, site.name);
    assert.equal(feed.id, absolute("/"));
    assert.match(feed.updated, W3C_DATETIME);
    assert.equal(feed.author.name, site.name);
    assert.deepEqual(
      feed.link.map((link: Xml) => [link["@_rel"], link["@_href"]]),
      [
        ["alternate", absolute("/")],
        ["self", absolute("/atom.xml")],
      ],
    );

    const link = absolute(articlePath(article.slug));
    const entry = feed.entry.find((candidate: Xml) => candidate.id === link);
    assert.ok(entry);
    assert.equal(entry.title["@_type"], "html");
    assert.equal(htmlText(entry.title["#text"]), headline);
    assert.equal(entry.link[0]["@_href"], link);
    assert.equal(entry.published, article.publishedAt!.toISOString());
    assert.equal(entry.updated, article.updatedAt.toISOString());
    assert.equal(htmlText(entry.summary["#text"]), article.dek);
    assert.deepEqual(
      entry.category.map((category: Xml) => category["@_term"]),
      [section.name, tag.name],
    );
  });

  test("is served as Atom in UTF-8 with a short public cache", async () => {
    const response = await atomRoute();
    assert.equal(response.headers.get("content-type"), "application/atom+xml; charset=utf-8");
    assert.equal(response.headers.get("cache-control"), "public, max-age=300");
    parseXml(await response.text());
  });
});

// --- section feeds -------------------------------------------------------------------------------

describe("a section's RSS feed", () => {
  test("carries that section's public articles only, under the section's title and link", async () => {
    const section = await createSection(`رياضة ${unique()}`);
    const other = await createSection();
    const inSection = await createFiledArticle({ headline: `في القسم ${unique()}`, sectionId: section.id });
    const elsewhere = await createFiledArticle({ headline: `في قسم آخر ${unique()}`, sectionId: other.id });
    const unfiled = await createArticle({ headline: `بلا قسم ${unique()}` });
    const hidden = await createHiddenArticles(section.id);

    const feed = await getSectionFeed(section.slug);
    assert.ok(feed);
    const xml = buildRss(feed);
    const channel = parseXml(xml).rss.channel;
    assert.equal(channel.title, `${section.name} | ${site.name}`);
    assert.equal(channel.link, absolute(sectionPath(section.slug)));
    assert.equal(channel.language, "ar");
    assert.equal(channel["atom:link"][0]["@_href"], absolute(`${sectionPath(section.slug)}/feed.xml`));
    assert.deepEqual(
      channel.item.map((item: Xml) => item.title),
      [inSection.headline],
    );
    assert.deepEqual(channel.item[0].category, [section.name]);
    for (const article of [elsewhere, unfiled, ...hidden]) assert.ok(!xml.includes(article.headline));
  });

  test("answers with the RSS type for a section, and 404 for an unknown or malformed one", async () => {
    const section = await createSection();
    const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
    const request = new Request("http://localhost/");

    const found = await sectionFeedRoute(request, params(encodeURIComponent(section.slug)));
    assert.equal(found.status, 200);
    assert.equal(found.headers.get("content-type"), "application/rss+xml; charset=utf-8");
    assert.equal(found.headers.get("cache-control"), "public, max-age=300");
    assert.equal(parseXml(await found.text()).rss.channel.title, `${section.name} | ${site.name}`);

    assert.equal(await getSectionFeed("لا-يوجد-قسم"), null);
    assert.equal((await sectionFeedRoute(request, params(encodeURIComponent("لا-يوجد-قسم")))).status, 404);
    assert.equal((await sectionFeedRoute(request, params("%E0%A4%A"))).status, 404);
  });
});

// --- sitemap -------------------------------------------------------------------------------------

describe("the sitemap", () => {
  test("lists the home page, sections and tags with public articles, and every public article with its lastmod", async () => {
    const section = await createSection();
    const emptySection = await createSection();
    const tag = await createTag(`سياسة ${unique()}`);
    const article = await createFiledArticle({
      headline: `للخريطة ${unique()}`,
      sectionId: section.id,
      tagIds: [tag.id],
    });
    const updatedAt = new Date("2030-02-03T04:05:06.789Z");
    await db.article.update({ where: { id: article.id }, data: { updatedAt } });
    const hidden = await createHiddenArticles(emptySection.id);

    const xml = await sitemapDocument();
    const urlset = parseXml(xml).urlset;
    assert.equal(urlset["@_xmlns"], SITEMAP_NS);
    const byLoc = new Map<string, Xml>(urlset.url.map((url: Xml) => [url.loc, url]));

    assert.equal(urlset.url[0].loc, absolute("/"));
    assert.ok(byLoc.has(absolute(sectionPath(section.slug))));
    assert.ok(byLoc.has(absolute(tagPath(tag.slug))));
    assert.equal(byLoc.get(absolute(articlePath(article.slug)))?.lastmod, "2030-02-03T04:05:06Z");
    assert.equal(urlset.url[0].lastmod, "2030-02-03T04:05:06Z", "the home page changed with its newest change");
    for (const url of urlset.url) assert.match(url.lastmod, W3C_DATETIME);

    assert.ok(
      !byLoc.has(absolute(sectionPath(emptySection.slug))),
      "a section with only hidden articles is not listed",
    );
    for (const hiddenArticle of hidden) assert.ok(!byLoc.has(absolute(articlePath(hiddenArticle.slug))));
    for (const loc of byLoc.keys()) assert.match(loc, /^https?:\/\/[^/]+\//);
  });

  test("escapes every XML special character in a URL", () => {
    const loc = `https://example.com/بحث?q=أ&b=<c>&d="e"&f='g'`;
    assert.deepEqual(sitemapLocs(buildSitemap([{ loc }])), [loc]);
    assert.match(buildSitemap([{ loc }]), /q=أ&amp;b=&lt;c&gt;&amp;d=&quot;e&quot;&amp;f=&apos;g&apos;/);
  });

  test("above the per-file limit becomes an index of parts, each within the limit, that together list every URL", async () => {
    for (let index = 0; index < 7; index += 1) await createFiledArticle({ headline: `جزء ${unique()}` });
    await createHiddenArticles();
    const every = sitemapLocs(await sitemapDocument());
    const limit = Math.ceil(every.length / 3);

    const index = parseXml(await sitemapDocument({ limit })).sitemapindex;
    assert.equal(index["@_xmlns"], SITEMAP_NS);
    const parts: string[][] = [];
    for (const [number, sitemap] of index.sitemap.entries()) {
      assert.equal(sitemap.loc, absolute(`/sitemaps/${number + 1}.xml`));
      const xml = await sitemapPartDocument(number + 1, { limit });
      assert.ok(xml, `part ${number + 1} exists`);
      const locs = sitemapLocs(xml);
      assert.ok(locs.length > 0 && locs.length <= limit, `part ${number + 1} holds ${locs.length} URLs`);
      const lastmods = (parseXml(xml).urlset.url as Xml[]).map((url) => url.lastmod as string);
      assert.equal(sitemap.lastmod, lastmods.sort().at(-1), `part ${number + 1}'s lastmod is its latest`);
      parts.push(locs);
    }
    assert.deepEqual(parts.flat(), every, "the parts list every URL once, in the single file's order");
    assert.equal(parts[0][0], absolute("/"));
    assert.equal(await sitemapPartDocument(parts.length + 1, { limit }), null);
    assert.equal(await sitemapPartDocument(1), null, "below the limit there are no parts");
  });

  test("a new article changes only the last part of articles", async () => {
    for (let index = 0; index < 4; index += 1) await createFiledArticle({ headline: `ثابت ${unique()}` });
    const limit = Math.ceil(sitemapLocs(await sitemapDocument()).length / 3);
    const partsListed = () => sitemapIndexLocs(sitemapDocument({ limit }));
    const before = await partsListed();
    const olderParts = await Promise.all(
      before.slice(0, -1).map((_, index) => sitemapPartDocument(index + 2, { limit })),
    );
    assert.ok(olderParts.length >= 2, "at least two parts of articles");

    await createFiledArticle({ headline: `جديد ${unique()}` });

    assert.ok((await partsListed()).length >= before.length);
    const olderPartsAfter = await Promise.all(
      before.slice(0, -1).map((_, index) => sitemapPartDocument(index + 2, { limit })),
    );
    // Part 1 holds the home page, whose lastmod follows the new article; the article parts before the last stay.
    assert.deepEqual(olderPartsAfter.slice(0, -1), olderParts.slice(0, -1));
  });

  test("a part's file name is its number and .xml", () => {
    assert.equal(sitemapPartNumber("1.xml"), 1);
    assert.equal(sitemapPartNumber("12.xml"), 12);
    for (const name of ["0.xml", "01.xml", "1", "x.xml", "1.xml.gz", "-1.xml", "99999999999.xml"])
      assert.equal(sitemapPartNumber(name), null, name);
  });
});

// --- Google News sitemap -------------------------------------------------------------------------

describe("the Google News sitemap", () => {
  // A fixed clock in the past: every article the other tests made (dated around the real now) is in
  // its future, so only the articles made here, dated from this clock, can be in its window.
  const now = new Date("2022-01-12T08:00:00.000Z");
  const hoursBefore = (hours: number) => new Date(now.getTime() - hours * HOUR);

  test("lists exactly the public articles published in the two days before now, in the exact structure", async () => {
    const recent = await createArticle({
      headline: `قبل ٤٧ ساعة “عاجل” & <تحديث> ${unique()}`,
      publishedAt: hoursBefore(47),
    });
    const boundary = await createArticle({ headline: `قبل يومين تمامًا ${unique()}`, publishedAt: hoursBefore(48) });
    const old = await createArticle({ headline: `قبل ٤٩ ساعة ${unique()}`, publishedAt: hoursBefore(49) });
    const ahead = await createArticle({
      headline: `بعد ساعة ${unique()}`,
      publishedAt: new Date(now.getTime() + HOUR),
    });
    const due = await createArticle({
      headline: `مجدول حان وقته ${unique()}`,
      status: "SCHEDULED",
      publishedAt: hoursBefore(1),
    });
    const notDue = await createArticle({
      headline: `مجدول لم يحن ${unique()}`,
      status: "SCHEDULED",
      publishedAt: new Date(now.getTime() + 60_000),
    });
    const draft = await createArticle({
      headline: `مسودة قديمة ${unique()}`,
      status: "DRAFT",
      publishedAt: hoursBefore(2),
    });
    const trashed = await createArticle({ headline: `محذوف حديث ${unique()}`, publishedAt: hoursBefore(3) });
    await db.article.update({ where: { id: trashed.id }, data: { deletedAt: hoursBefore(1) } });

    const xml = buildNewsSitemap(await listNewsSitemapEntries(now));
    const urlset = parseXml(xml).urlset;
    assert.equal(urlset["@_xmlns"], SITEMAP_NS);
    assert.equal(urlset["@_xmlns:news"], NEWS_NS);
    assert.deepEqual(
      urlset.url.map((url: Xml) => url.loc),
      [due, recent, boundary].map((article) => absolute(articlePath(article.slug))),
      "newest first; 49 hours ago, the future, not yet due, drafts and the trash left out",
    );
    for (const article of [old, ahead, notDue, draft, trashed]) assert.ok(!xml.includes(article.headline));

    const escapedTitle = recent.headline.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    assert.ok(
      xml.includes(
        `<url><loc>${absolute(articlePath(recent.slug))}</loc><news:news>` +
          `<news:publication><news:name>${site.name}</news:name><news:language>ar</news:language></news:publication>` +
          `<news:publication_date>2022-01-10T09:00:00Z</news:publication_date>` +
          `<news:title>${escapedTitle}</news:title></news:news></url>`,
      ),
      xml,
    );
    const entry = urlset.url[1];
    assert.deepEqual(Object.keys(entry), ["loc", "news:news"]);
    assert.deepEqual(Object.keys(entry["news:news"]), ["news:publication", "news:publication_date", "news:title"]);
    assert.deepEqual(entry["news:news"]["news:publication"], { "news:name": site.name, "news:language": "ar" });
    assert.equal(entry["news:news"]["news:title"], recent.headline);
    for (const url of urlset.url) assert.match(url["news:news"]["news:publication_date"], W3C_DATETIME);
  });

  test("keeps a markup-like headline as text", async () => {
    const clock = new Date("2021-06-01T00:00:00.000Z");
    const headline = `</news:title><script>x</script> ]]> & ' " ${unique()}`;
    await createArticle({ headline, publishedAt: new Date(clock.getTime() - HOUR) });
    const urlset = parseXml(buildNewsSitemap(await listNewsSitemapEntries(clock))).urlset;
    assert.equal(urlset.url.length, 1);
    assert.equal(urlset.url[0]["news:news"]["news:title"], headline);
  });

  test("is served as XML with a short public cache", async () => {
    const response = await newsSitemapRoute();
    assert.equal(response.headers.get("content-type"), "application/xml; charset=utf-8");
    assert.equal(response.headers.get("cache-control"), "public, max-age=300");
    parseXml(await response.text());
  });

  test("holds at most 1,000 articles, the newest", async () => {
    const clock = new Date("2020-05-05T00:00:00.000Z");
    const data = Array.from({ length: NEWS_SITEMAP_LIMIT + 5 }, (_, index) => ({
      slug: `حزمة-${unique()}-${index}`,
      headline: `خبر من الحزمة ${index}`,
      body: serializeArticleBody(bodyFromParagraphs(["نص."])),
      status: "PUBLISHED" as const,
      publishedAt: new Date(clock.getTime() - (index + 1) * 60_000),
    }));
    await db.article.createMany({ data });
    const entries = await listNewsSitemapEntries(clock);
    assert.equal(entries.length, NEWS_SITEMAP_LIMIT);
    assert.equal(entries[0].title, "خبر من الحزمة 0");
    assert.equal(entries.at(-1)?.title, `خبر من الحزمة ${NEWS_SITEMAP_LIMIT - 1}`);
    assert.equal(parseXml(buildNewsSitemap(entries)).urlset.url.length, NEWS_SITEMAP_LIMIT);
  });
});

// --- robots.txt ----------------------------------------------------------------------------------

describe("robots.txt", () => {
  test("allows everything but the newsroom and names both sitemaps by absolute URL", () => {
    assert.deepEqual(robots(), {
      rules: { userAgent: "*", allow: "/", disallow: "/admin" },
      sitemap: [absolute("/sitemap.xml"), absolute("/news-sitemap.xml")],
    });
  });
});

describe("dates", () => {
  test("are written as W3C datetimes in UTC", () => {
    assert.equal(w3cDateTime(new Date("2022-01-12T08:00:00.123+03:00")), "2022-01-12T05:00:00Z");
  });
});

import type { APIRequestContext, Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, test } from "../../fixtures";

// The server runs with SITE_URL unset, so absolute URLs in feeds, sitemaps and <link> tags use the
// default base (http://localhost:3000), not the address the tests reach it at: compare paths only,
// and fetch what a document links to by its path.
const SEED_HEADLINE = "الولايات المتحدة تطالب روسيا بسحب جنودها “بسرعة” من كازاخستان";
const SEED_PATH = `/articles/${encodeURIComponent("الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان")}`;
const SECTION_PATH = `/sections/${encodeURIComponent("متابعات")}`;
const SECTION_FEED_PATH = `${SECTION_PATH}/feed.xml`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => ["item", "category", "url"].includes(name),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped: the assertions below are the checks
type Xml = any;

function parseXml(xml: string): Xml {
  expect(XMLValidator.validate(xml), "well-formed XML").toBe(true);
  return parser.parse(xml);
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

async function fetchRss(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  // Served from Next's cache; shared caches in front may keep a feed two seconds (proxy.ts).
  expect(response.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=2, stale-while-revalidate=5");
  const xml = await response.text();
  const channel = parseXml(xml).rss.channel;
  expect(channel.language).toBe("ar");
  return { xml, channel, items: (channel.item ?? []) as Xml[] };
}

async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const urls: Xml[] = parseXml(await response.text()).urlset.url;
  for (const url of urls) {
    expect(url.loc).toMatch(/^https?:\/\/[^/]+\//);
    expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  }
  return urls.map((url) => pathOf(url.loc));
}

/** The paths of the page's `<link rel="alternate" type="application/rss+xml">`, in order. */
async function rssAlternatePaths(page: Page, count: number): Promise<string[]> {
  const links = page.locator('link[rel="alternate"][type="application/rss+xml"]');
  await expect(links).toHaveCount(count);
  return (await links.evaluateAll((elements) => elements.map((element) => element.getAttribute("href") ?? ""))).map((href) =>
    pathOf(new URL(href, page.url()).toString()),
  );
}

test("the site feed is RSS with the seed article under its exact headline", async ({ request }) => {
  const { channel, items } = await fetchRss(request, "/feed.xml");
  expect(channel.title).toBe("المرصد");
  expect(pathOf(channel.link)).toBe("/");

  const seed = items.find((item) => item.title === SEED_HEADLINE);
  expect(seed, "the seed article is in the feed").toBeTruthy();
  expect(pathOf(seed.link)).toBe(SEED_PATH);
  expect(seed.guid["#text"]).toBe(seed.link);
  expect(Number.isNaN(Date.parse(seed.pubDate))).toBe(false);
  expect(seed.category).toContain("متابعات");
  expect(seed.description).toMatch(/^دعت الولايات المتّحدة أمس الثلاثاء روسيا/);
});

test("the Atom feed is served and parses", async ({ request }) => {
  const response = await request.get("/atom.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const feed = parseXml(await response.text()).feed;
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(feed.id).toMatch(/^https?:\/\//);
});

test("the home page links to the site feed, and the feed it names parses", async ({ page, request }) => {
  await page.goto("/");
  const [feedPath] = await rssAlternatePaths(page, 1);
  expect(feedPath).toBe("/feed.xml");
  const { items } = await fetchRss(request, feedPath);
  expect(items.length).toBeGreaterThan(0);
});

test("the seed's section page links to its section feed and the site feed", async ({ page, request }) => {
  await page.goto(SECTION_PATH);
  const paths = await rssAlternatePaths(page, 2);
  expect(paths).toEqual([SECTION_FEED_PATH, "/feed.xml"]);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${SECTION_PATH}$`));

  const { channel, items } = await fetchRss(request, SECTION_FEED_PATH);
  expect(channel.title).toBe("متابعات | المرصد");
  expect(pathOf(channel.link)).toBe(SECTION_PATH);
  expect(items.map((item) => item.title)).toContain(SEED_HEADLINE);
  for (const item of items) expect(item.category[0]).toBe("متابعات");

  await fetchRss(request, paths[1]);
});

test("a tag page keeps the site feed link beside its canonical URL", async ({ page, database }) => {
  const article = await database.createArticle();
  await database.tag(article.id, "وسم للخلاصات", "وسم-للخلاصات");
  await page.goto(`/tags/${encodeURIComponent("وسم-للخلاصات")}`);
  expect(await rssAlternatePaths(page, 1)).toEqual(["/feed.xml"]);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/tags/${encodeURIComponent("وسم-للخلاصات")}$`));
});

test("an unknown section has no feed", async ({ request }) => {
  const response = await request.get(`/sections/${encodeURIComponent("قسم-غير-موجود")}/feed.xml`);
  expect(response.status()).toBe(404);
});

test("robots.txt allows readers' pages, keeps crawlers out of the newsroom and lists both sitemaps", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const robots = await response.text();
  expect(robots).toMatch(/^Allow: \/$/m);
  expect(robots).toMatch(/^Disallow: \/admin$/m);
  const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((match) => match[1]);
  expect(sitemaps).toHaveLength(2);
  for (const sitemap of sitemaps) expect(sitemap).toMatch(/^https?:\/\//);
  expect(sitemaps.map(pathOf)).toEqual(["/sitemap.xml", "/news-sitemap.xml"]);
});

test("the sitemap lists the home page, the seed's section and the seed article by absolute URL", async ({ request }) => {
  const paths = await sitemapPaths(request);
  expect(paths[0]).toBe("/");
  expect(paths).toContain(SECTION_PATH);
  expect(paths).toContain(SEED_PATH);
});

test("the news sitemap is in Google News' structure", async ({ request, database }) => {
  const fresh = await database.createArticle();
  const response = await request.get("/news-sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const urlset = parseXml(await response.text()).urlset;
  expect(urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
  const entry = (urlset.url as Xml[]).find((url) => pathOf(url.loc) === `/articles/${encodeURIComponent(fresh.slug)}`);
  expect(entry, "a just-published article is in the news sitemap").toBeTruthy();
  expect(entry["news:news"]["news:publication"]).toEqual({ "news:name": "المرصد", "news:language": "ar" });
  expect(entry["news:news"]["news:title"]).toBe(fresh.headline);
  expect(entry["news:news"]["news:publication_date"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
});

test("drafts, articles scheduled for later and trashed articles are in no feed or sitemap; a new public one is", async ({ request, database }) => {
  const published = await database.createArticle();
  const draft = await database.createArticle({ status: "DRAFT", publishedAt: null });
  const scheduled = await database.createArticle({ status: "SCHEDULED", publishedAt: new Date(Date.now() + 3_600_000) });
  const trashed = await database.createArticle();
  await database.trash(trashed.id);
  const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

  const { xml: rss, items } = await fetchRss(request, "/feed.xml");
  const atom = await (await request.get("/atom.xml")).text();
  const news = await (await request.get("/news-sitemap.xml")).text();
  const sitemap = await sitemapPaths(request);

  expect(items.map((item) => item.title)).toContain(published.headline);
  expect(sitemap).toContain(articlePath(published.slug));
  for (const hidden of [draft, scheduled, trashed]) {
    for (const [name, document] of [["rss", rss], ["atom", atom], ["news sitemap", news]]) {
      expect(document, `${hidden.headline} in the ${name}`).not.toContain(hidden.headline);
      expect(document, `${hidden.slug} in the ${name}`).not.toContain(encodeURIComponent(hidden.slug));
    }
    expect(sitemap).not.toContain(articlePath(hidden.slug));
  }
});

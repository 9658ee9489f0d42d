import "server-only";
import { Feed } from "feed";
import { excerptsOf } from "../articles/reads";
import { publicArticleWhere } from "../articles/visibility";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { articlePath, sectionPath } from "../paths";
import { SITE_ATOM_PATH, SITE_FEED_PATH, sectionFeedPath } from "./feed-links";
import { absoluteUrl, site } from "../site";

/**
 * Distribution: the RSS and Atom feeds, the sitemap, the Google News sitemap. The queries here
 * read only public articles (`publicArticleWhere`), so drafts, articles scheduled for later and
 * trashed articles appear nowhere; the builders are pure functions of what the queries return.
 */

export const FEED_ITEM_LIMIT = 30;
/** The sitemap protocol's limit per file (sitemaps.org); above it, an index of several files. */
export const SITEMAP_URL_LIMIT = 50_000;
/** Google News: at most 1,000 URLs, published in the last two days. */
export const NEWS_SITEMAP_LIMIT = 1_000;
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

const CACHE_CONTROL = "public, max-age=300";

/** An XML document as a route handler's response: the type, UTF-8, a short public cache. */
export function xmlResponse(body: string, type: string): Response {
  return new Response(body, {
    headers: { "content-type": `${type}; charset=utf-8`, "cache-control": CACHE_CONTROL },
  });
}

// ---------------------------------------------------------------------------------------------
// Text and escaping
// ---------------------------------------------------------------------------------------------

/** Characters XML 1.0 does not allow anywhere, even escaped (C0 controls, lone surrogates, U+FFFE/F). */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHARACTER, "");
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// `&apos;` is XML's; HTML before HTML5 does not know it, so HTML gets the numeric form.
const HTML_ESCAPES: Record<string, string> = { ...XML_ESCAPES, "'": "&#39;" };

/** Text for an XML element or attribute value. Arabic passes through as it is (the file is UTF-8). */
export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
}

/**
 * Plain text as HTML. RSS `<description>` and the Atom `type="html"` title and summary (which the
 * `feed` package always writes) are read by feed readers as HTML, so a literal `<` or `&` in a
 * headline must reach them escaped to be shown as typed rather than read as markup.
 */
export function escapeHtml(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/*
 * The `feed` package writes through xml-js, which has two escaping flaws this module works around
 * (test/integration/distribution.test.ts shows both):
 *  - CDATA: it splits only the FIRST `]]>` of a text (String.replace with a string pattern), so a
 *    second one would end the section early and break the document. `cdataText` splits every later
 *    one itself, leaving the first for xml-js, so the reader gets the text back exactly.
 *  - element text: it first turns every `&amp;` back into `&` ("to avoid double escaping"), so a
 *    name really containing `&amp;` would lose it. `elementText` doubles it so that step cancels out.
 * Atom category attributes are escaped for `&` and `"` only, so a `<` there cannot be written at all:
 * see `atomCategories`.
 */
const CDATA_SPLIT = "]]]]><![CDATA[>";

function cdataText(text: string): string {
  const clean = xmlCharacters(text);
  const first = clean.indexOf("]]>");
  if (first === -1) return clean;
  const afterFirst = first + "]]>".length;
  return clean.slice(0, afterFirst) + clean.slice(afterFirst).replaceAll("]]>", CDATA_SPLIT);
}

function elementText(text: string): string {
  return xmlCharacters(text).replaceAll("&amp;", "&amp;amp;");
}

/** W3C datetime (ISO 8601) in UTC to the second, e.g. `2022-01-12T05:00:00Z`. */
export function w3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// ---------------------------------------------------------------------------------------------
// Feeds (RSS 2.0 and Atom)
// ---------------------------------------------------------------------------------------------

// No body: the description is the dek, or the body's opening read only where there is no dek (excerptsOf).
const feedArticleSelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  publishedAt: true,
  updatedAt: true,
  section: { select: { name: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.ArticleSelect;

const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];

export interface FeedEntry {
  slug: string;
  headline: string;
  /** Plain text: the dek, or the opening of the body. */
  description: string;
  publishedAt: Date;
  updatedAt: Date;
  /** The section's name, then the tags' names. */
  categories: string[];
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  pagePath: string;
  rssPath: string;
  atomPath?: string;
  entries: FeedEntry[];
}

type FeedRow = Prisma.ArticleGetPayload<{ select: typeof feedArticleSelect }>;

async function toFeedEntries(rows: readonly FeedRow[]): Promise<FeedEntry[]> {
  const excerpts = await excerptsOf(rows);
  return rows.map((row) => toFeedEntry(row, excerpts.get(row.id) ?? ""));
}

function toFeedEntry(row: FeedRow, description: string): FeedEntry {
  return {
    slug: row.slug,
    headline: row.headline,
    description,
    // Public rows always have a date: publicArticleWhere filters on it.
    publishedAt: row.publishedAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    categories: [...(row.section ? [row.section.name] : []), ...row.tags.map(({ tag }) => tag.name)],
  };
}

/** The latest public articles of the whole site. */
export async function getSiteFeed(now: Date = new Date()): Promise<FeedChannel> {
  const rows = await db.article.findMany({
    where: publicArticleWhere(now),
    orderBy: newestFirst,
    take: FEED_ITEM_LIMIT,
    select: feedArticleSelect,
  });
  return {
    title: site.name,
    description: site.description,
    pagePath: "/",
    rssPath: SITE_FEED_PATH,
    atomPath: SITE_ATOM_PATH,
    entries: await toFeedEntries(rows),
  };
}

/** The latest public articles of one section (read with the section), or null when there is no such section. */
export async function getSectionFeed(sectionSlug: string, now: Date = new Date()): Promise<FeedChannel | null> {
  const section = await db.section.findUnique({
    where: { slug: sectionSlug },
    select: {
      slug: true,
      name: true,
      articles: { where: publicArticleWhere(now), orderBy: newestFirst, take: FEED_ITEM_LIMIT, select: feedArticleSelect },
    },
  });
  if (!section) return null;
  return {
    title: `${section.name} | ${site.name}`,
    description: `آخر أخبار قسم ${section.name}`,
    pagePath: sectionPath(section.slug),
    rssPath: sectionFeedPath(section.slug),
    entries: await toFeedEntries(section.articles),
  };
}

function createFeed(channel: FeedChannel, base: URL): Feed {
  const home = absoluteUrl("/", base);
  // The feed changes when an article is added, edited or goes live, so an unchanged feed reads the
  // same on every request. An empty feed is left to the package, which says "now".
  const times = channel.entries.flatMap((entry) => [entry.updatedAt.getTime(), entry.publishedAt.getTime()]);
  const updated = times.length > 0 ? new Date(Math.max(...times)) : undefined;
  const feed = new Feed({
    id: absoluteUrl(channel.pagePath, base),
    title: elementText(channel.title),
    description: elementText(channel.description),
    link: absoluteUrl(channel.pagePath, base),
    language: site.locale,
    updated,
    generator: false,
    author: { name: elementText(site.name), link: home },
    feedLinks: {
      rss: absoluteUrl(channel.rssPath, base),
      ...(channel.atomPath ? { atom: absoluteUrl(channel.atomPath, base) } : {}),
    },
  });
  return feed;
}

/** RSS 2.0: title as written (CDATA), description as escaped HTML, guid = the permalink. */
export function buildRss(channel: FeedChannel, base: URL = site.url): string {
  const feed = createFeed(channel, base);
  for (const entry of channel.entries) {
    feed.addItem({
      title: cdataText(entry.headline),
      // No `id`/`guid`: the package then writes the link as `<guid isPermaLink="true">`.
      link: absoluteUrl(articlePath(entry.slug), base),
      date: entry.updatedAt,
      // `<pubDate>` (RFC 822, written by the package) is the publication date.
      published: entry.publishedAt,
      description: escapeHtml(entry.description),
      category: entry.categories.map((name) => ({ name: elementText(name) })),
    });
  }
  return feed.rss2();
}

/**
 * Atom categories are attributes, which the package escapes for `&` and `"` only: a name with a `<`
 * cannot be written correctly, and written as it is it would break the document. Such a name is
 * left out of the Atom entry (the RSS item still carries it); names are plain words in practice.
 */
function atomCategories(names: string[]) {
  return names.filter((name) => !name.includes("<")).map((name) => ({ term: xmlCharacters(name) }));
}

/** Atom (RFC 4287): `id` and `updated` on the feed and on each entry, `published` on entries. */
export function buildAtom(channel: FeedChannel, base: URL = site.url): string {
  const feed = createFeed(channel, base);
  for (const entry of channel.entries) {
    feed.addItem({
      // The package declares both `type="html"`: escaped, so the text is shown as written.
      title: escapeHtml(entry.headline),
      link: absoluteUrl(articlePath(entry.slug), base),
      date: entry.updatedAt,
      published: entry.publishedAt,
      description: escapeHtml(entry.description),
      category: atomCategories(entry.categories),
    });
  }
  return feed.atom1();
}

// ---------------------------------------------------------------------------------------------
// Sitemap
// ---------------------------------------------------------------------------------------------

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod?: Date;
}

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function urlElement(entry: SitemapEntry): string {
  const lastmod = entry.lastmod ? `<lastmod>${w3cDateTime(entry.lastmod)}</lastmod>` : "";
  return `  <url><loc>${escapeXml(entry.loc)}</loc>${lastmod}</url>`;
}

/** One `<urlset>` file: at most SITEMAP_URL_LIMIT entries, the protocol's limit (lib/distribution/sitemaps.ts makes smaller ones). */
export function buildSitemap(entries: readonly SitemapEntry[]): string {
  if (entries.length > SITEMAP_URL_LIMIT) throw new RangeError(`a sitemap holds at most ${SITEMAP_URL_LIMIT} URLs`);
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`, ...entries.map(urlElement), "</urlset>", ""].join("\n");
}

/** A `<sitemapindex>` listing sitemap files (absolute URLs). */
export function buildSitemapIndex(sitemaps: readonly SitemapEntry[]): string {
  const items = sitemaps.map((sitemap) => {
    const lastmod = sitemap.lastmod ? `<lastmod>${w3cDateTime(sitemap.lastmod)}</lastmod>` : "";
    return `  <sitemap><loc>${escapeXml(sitemap.loc)}</loc>${lastmod}</sitemap>`;
  });
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...items, "</sitemapindex>", ""].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Google News sitemap
// ---------------------------------------------------------------------------------------------

export interface NewsSitemapEntry {
  loc: string;
  title: string;
  publishedAt: Date;
}

/** Public articles published in the two days up to `now`, newest first, at most 1,000. */
export async function listNewsSitemapEntries(now: Date = new Date(), base: URL = site.url): Promise<NewsSitemapEntry[]> {
  const rows = await db.article.findMany({
    // AND, not a spread: publicArticleWhere's own `publishedAt <= now` must stay.
    where: { AND: [publicArticleWhere(now), { publishedAt: { gte: new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS) } }] },
    orderBy: newestFirst,
    take: NEWS_SITEMAP_LIMIT,
    select: { slug: true, headline: true, publishedAt: true, updatedAt: true },
  });
  return rows.map((row) => ({
    loc: absoluteUrl(articlePath(row.slug), base),
    title: row.headline,
    publishedAt: row.publishedAt ?? row.updatedAt,
  }));
}

export function buildNewsSitemap(entries: readonly NewsSitemapEntry[]): string {
  const publication =
    `<news:publication><news:name>${escapeXml(site.name)}</news:name>` +
    `<news:language>${site.locale}</news:language></news:publication>`;
  const urls = entries.slice(0, NEWS_SITEMAP_LIMIT).map(
    (entry) =>
      `  <url><loc>${escapeXml(entry.loc)}</loc><news:news>${publication}` +
      `<news:publication_date>${w3cDateTime(entry.publishedAt)}</news:publication_date>` +
      `<news:title>${escapeXml(entry.title)}</news:title></news:news></url>`,
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...urls, "</urlset>", ""].join("\n");
}

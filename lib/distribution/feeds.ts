import "server-only";
import { Feed } from "feed";
import { excerptsOf } from "../articles/reads";
import { publicArticleWhere } from "../articles/visibility";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { articlePath, sectionPath } from "../paths";
import { escapeHtml, xmlCharacters } from "./xml";
import { SITE_ATOM_PATH, SITE_FEED_PATH, sectionFeedPath } from "./feed-links";
import { absoluteUrl, site } from "../site";

/**
 * The RSS and Atom feeds. The queries here read only public articles (`publicArticleWhere`), so
 * drafts, articles scheduled for later and trashed articles appear nowhere; the builders are pure
 * functions of what the queries return.
 */

export const FEED_ITEM_LIMIT = 30;

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
      articles: {
        where: publicArticleWhere(now),
        orderBy: newestFirst,
        take: FEED_ITEM_LIMIT,
        select: feedArticleSelect,
      },
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

import "server-only";
import { publicArticleWhere } from "../articles/visibility";
import { db } from "../db/client";
import { buildSitemap, buildSitemapIndex, type SitemapEntry } from "./sitemap-xml";
import { SITEMAP_PARTS_PATH } from "./feed-links";
import { articlePath, sectionPath, tagPath } from "../paths";
import { absoluteUrl, site } from "../site";

/*
 * The sitemap of every public URL: the home page, the section and tag pages that have public
 * articles, and every public article. Up to `limit` (FILE_URLS) URLs, /sitemap.xml is that one
 * <urlset>. Above it, /sitemap.xml is an index of parts, /sitemaps/1.xml, /sitemaps/2.xml, …: the
 * listing pages first, then the articles oldest first, `limit` to a part, so that an old part
 * changes only when one of its articles does and crawlers re-read the newest.
 *
 * Articles are read BATCH at a time (keyset on id), never all at once: the whole archive as
 * objects cost a 100,000-article site 740 MB of peak memory per crawler visit. The routes are
 * cached and expired with the lists (lib/cache/expiry.ts), so the scan runs once per change.
 */

const BATCH = 5_000;

/**
 * URLs per file. The protocol allows 50,000, but an article's address is ~350 bytes (its Arabic
 * slug percent-encoded), so such a file is 17 MB, built whole in memory several times over (the
 * XML, the answer's Buffer, Next's cache entry). Next also used to size every cache entry with
 * JSON.stringify, the Buffer as a list of numbers (scripts/install/patch-next-runtime.mjs stops that); with
 * 50,000-URL files the server then ran out of a 160 MB heap. At 5,000 URLs (~1.7 MB a file) reading
 * every file of a 100,000-article sitemap cold keeps the server at ~200 MiB (README "Performance").
 */
export const FILE_URLS = 5_000;

export interface SitemapOptions {
  /** URLs per file: FILE_URLS unless a test asks for fewer. */
  limit?: number;
  base?: URL;
  now?: Date;
}

function later(current: Date | undefined, candidate: Date): Date {
  return current && current > candidate ? current : candidate;
}

/**
 * Rows read BATCH at a time in id order, after `afterId` and at most `take` of them: `read` is one
 * keyset query (ids above the cursor, ascending, `take` rows).
 */
async function* inBatches<Row extends { id: number }>(
  read: (afterId: number, take: number) => Promise<Row[]>,
  afterId = 0,
  take = Number.POSITIVE_INFINITY,
): AsyncGenerator<Row[]> {
  let cursor = afterId;
  let left = take;
  while (left > 0) {
    const size = Math.min(BATCH, left);
    const rows = await read(cursor, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    cursor = rows[rows.length - 1].id;
    left -= rows.length;
  }
}

const publicAfter = (now: Date, afterId: number) => ({ ...publicArticleWhere(now), id: { gt: afterId } });

/** What changed when: the columns the listing pages' and the parts' lastmods come from. */
const articleChanges = (now: Date) => (afterId: number, take: number) =>
  db.article.findMany({
    where: publicAfter(now, afterId),
    orderBy: { id: "asc" },
    take,
    select: { id: true, updatedAt: true, publishedAt: true, sectionId: true },
  });

const articleAddresses = (now: Date) => (afterId: number, take: number) =>
  db.article.findMany({
    where: publicAfter(now, afterId),
    orderBy: { id: "asc" },
    take,
    select: { id: true, slug: true, updatedAt: true },
  });

/** What the index needs, read in one pass: the listing pages, and how many articles each part holds and when it last changed. */
interface SitemapOutline {
  listing: SitemapEntry[];
  articleCount: number;
  /** The latest `lastmod` of each part of articles, in order. */
  articlePartLastmods: Date[];
}

async function sitemapOutline(now: Date, base: URL, limit: number): Promise<SitemapOutline> {
  let homeLastmod: Date | undefined;
  const sectionLastmods = new Map<number, Date>();
  const tagLastmods = new Map<number, Date>();
  const articlePartLastmods: Date[] = [];
  let articleCount = 0;
  for await (const batch of inBatches(articleChanges(now))) {
    // A batch is a range of ids: its tag pairs are one range read of the pairs' primary key.
    const pairs = await db.articleTag.findMany({
      where: { articleId: { gte: batch[0].id, lte: batch[batch.length - 1].id } },
      select: { articleId: true, tagId: true },
    });
    const changedById = new Map<number, Date>();
    for (const article of batch) {
      // Its last edit or its publication, whichever is later: when the pages listing it changed.
      const changed = later(article.updatedAt, article.publishedAt ?? article.updatedAt);
      changedById.set(article.id, changed);
      homeLastmod = later(homeLastmod, changed);
      if (article.sectionId !== null)
        sectionLastmods.set(article.sectionId, later(sectionLastmods.get(article.sectionId), changed));
      const part = Math.floor(articleCount / limit);
      articlePartLastmods[part] = later(articlePartLastmods[part], article.updatedAt);
      articleCount += 1;
    }
    for (const { articleId, tagId } of pairs) {
      const changed = changedById.get(articleId);
      // Not public: the range also holds drafts, scheduled and trashed articles.
      if (changed) tagLastmods.set(tagId, later(tagLastmods.get(tagId), changed));
    }
  }
  const [sections, tags] = await Promise.all([
    db.section.findMany({ select: { id: true, slug: true } }),
    db.tag.findMany({ select: { id: true, slug: true } }),
  ]);
  const listed = (pages: { id: number; slug: string }[], lastmods: Map<number, Date>, path: (slug: string) => string) =>
    pages
      .filter(({ id }) => lastmods.has(id))
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map(({ id, slug }) => ({ loc: absoluteUrl(path(slug), base), lastmod: lastmods.get(id) }));
  const listing = [
    { loc: absoluteUrl("/", base), lastmod: homeLastmod },
    ...listed(sections, sectionLastmods, sectionPath),
    ...listed(tags, tagLastmods, tagPath),
  ];
  return { listing, articleCount, articlePartLastmods };
}

async function articleEntries(now: Date, base: URL, afterId: number, take: number): Promise<SitemapEntry[]> {
  const entries: SitemapEntry[] = [];
  for await (const batch of inBatches(articleAddresses(now), afterId, take)) {
    for (const article of batch)
      entries.push({ loc: absoluteUrl(articlePath(article.slug), base), lastmod: article.updatedAt });
  }
  return entries;
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

const latestLastmod = (entries: readonly SitemapEntry[]) =>
  entries.reduce<Date | undefined>(
    (latest, entry) => (entry.lastmod ? later(latest, entry.lastmod) : latest),
    undefined,
  );

/** /sitemap.xml: every URL in one <urlset>, or above the limit the index of the parts. */
export async function sitemapDocument({
  limit = FILE_URLS,
  base = site.url,
  now = new Date(),
}: SitemapOptions = {}): Promise<string> {
  const outline = await sitemapOutline(now, base, limit);
  if (outline.listing.length + outline.articleCount <= limit) {
    return buildSitemap([...outline.listing, ...(await articleEntries(now, base, 0, limit))]);
  }
  const partLastmods = [...chunksOf(outline.listing, limit).map(latestLastmod), ...outline.articlePartLastmods];
  return buildSitemapIndex(
    partLastmods.map((lastmod, index) => ({ loc: absoluteUrl(sitemapPartPath(index + 1), base), lastmod })),
  );
}

export const sitemapPartPath = (part: number) => `${SITEMAP_PARTS_PATH}/${part}.xml`;

/** The part a /sitemaps/ file name names ("2.xml"), or null. */
export function sitemapPartNumber(fileName: string): number | null {
  const match = /^([1-9]\d{0,8})\.xml$/.exec(fileName);
  return match ? Number(match[1]) : null;
}

/**
 * How many URLs the listing pages and the articles make, counted without reading them: an article
 * part needs only these, not the scan the listing's lastmods take.
 */
async function sitemapCounts(now: Date): Promise<{ listing: number; articles: number }> {
  const [sections, tags, articles] = await Promise.all([
    db.section.count({ where: { articles: { some: publicArticleWhere(now) } } }),
    db.tag.count({ where: { articles: { some: { article: publicArticleWhere(now) } } } }),
    db.article.count({ where: publicArticleWhere(now) }),
  ]);
  return { listing: 1 + sections + tags, articles };
}

/** /sitemaps/<part>.xml, or null when there is no such part (none at all while one file holds every URL). */
export async function sitemapPartDocument(
  part: number,
  { limit = FILE_URLS, base = site.url, now = new Date() }: SitemapOptions = {},
): Promise<string | null> {
  const counts = await sitemapCounts(now);
  if (counts.listing + counts.articles <= limit) return null;
  const listingParts = Math.ceil(counts.listing / limit);
  if (part <= listingParts) {
    const { listing } = await sitemapOutline(now, base, limit);
    const chunk = chunksOf(listing, limit)[part - 1];
    return chunk ? buildSitemap(chunk) : null;
  }
  const skipped = (part - listingParts - 1) * limit;
  if (skipped >= counts.articles) return null;
  // The part starts after the last article of the one before.
  const before =
    skipped === 0
      ? 0
      : ((
          await db.article.findFirst({
            where: publicArticleWhere(now),
            orderBy: { id: "asc" },
            skip: skipped - 1,
            select: { id: true },
          })
        )?.id ?? null);
  if (before === null) return null;
  const entries = await articleEntries(now, base, before, limit);
  return entries.length > 0 ? buildSitemap(entries) : null;
}

import "server-only";
import { publicArticleWhere } from "../articles/visibility";
import { db } from "../db/client";
import { articlePath } from "../paths";
import { absoluteUrl, site } from "../site";
import { escapeXml, SITEMAP_NS, w3cDateTime, XML_DECLARATION } from "./xml";

/* The Google News sitemap: the articles of the last two days (news-standards: namespace, publication, title). */

const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
/** Google News: at most 1,000 URLs, published in the last two days. */
export const NEWS_SITEMAP_LIMIT = 1_000;
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export interface NewsSitemapEntry {
  loc: string;
  title: string;
  publishedAt: Date;
}

/** Public articles published in the two days up to `now`, newest first, at most 1,000. */
export async function listNewsSitemapEntries(
  now: Date = new Date(),
  base: URL = site.url,
): Promise<NewsSitemapEntry[]> {
  const rows = await db.article.findMany({
    // AND, not a spread: publicArticleWhere's own `publishedAt <= now` must stay.
    where: {
      AND: [publicArticleWhere(now), { publishedAt: { gte: new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS) } }],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
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
  const urls = entries
    .slice(0, NEWS_SITEMAP_LIMIT)
    .map(
      (entry) =>
        `  <url><loc>${escapeXml(entry.loc)}</loc><news:news>${publication}` +
        `<news:publication_date>${w3cDateTime(entry.publishedAt)}</news:publication_date>` +
        `<news:title>${escapeXml(entry.title)}</news:title></news:news></url>`,
    );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...urls, "</urlset>", ""].join(
    "\n",
  );
}

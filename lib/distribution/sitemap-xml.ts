import { escapeXml, SITEMAP_NS, w3cDateTime, XML_DECLARATION } from "./xml";

/* The sitemap protocol's two documents (sitemaps.org): a `<urlset>` file and a `<sitemapindex>`. */

/** The sitemap protocol's limit per file (sitemaps.org); above it, an index of several files. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod?: Date;
}

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

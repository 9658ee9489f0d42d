import { XMLParser } from "fast-xml-parser";

export interface SitemapCrawl {
  /** /sitemap.xml and, when it is an index, every part it names. */
  files: number;
  urls: number;
  bytes: number;
  /** From the first request to the last answer, one file after another, as a crawler reads them. */
  seconds: number;
}

const parser = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });

/**
 * Reads the sitemap once as a crawler does, cold (just after the runs' changes expired it): the
 * largest job a reader's request can start, run here so that its memory counts in the peak RSS.
 */
export async function crawlSitemap(baseUrl: string): Promise<SitemapCrawl> {
  const started = performance.now();
  let files = 0;
  let urls = 0;
  let bytes = 0;
  const read = async (url: string) => {
    const response = await fetch(url);
    const xml = await response.text();
    if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
    files += 1;
    bytes += Buffer.byteLength(xml);
    return parser.parse(xml) as { urlset?: { url?: unknown[] }; sitemapindex?: { sitemap?: { loc: string }[] } };
  };
  const root = await read(new URL("/sitemap.xml", baseUrl).toString());
  if (root.sitemapindex) {
    for (const { loc } of root.sitemapindex.sitemap ?? []) {
      // The index names the portal's public address; the bench reaches the same server here.
      const part = await read(new URL(new URL(loc).pathname, baseUrl).toString());
      urls += part.urlset?.url?.length ?? 0;
    }
  } else {
    urls += root.urlset?.url?.length ?? 0;
  }
  return { files, urls, bytes, seconds: (performance.now() - started) / 1000 };
}

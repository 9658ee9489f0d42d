import { xmlResponse } from "@/lib/distribution";
import { sitemapDocument } from "@/lib/sitemap";

// Served from Next's cache; lib/page-cache.ts expires it with the lists when an article changes.
export const revalidate = 3600;

/**
 * Every public URL. Up to 5,000 URLs this is one <urlset>; above that it answers a <sitemapindex>
 * of /sitemaps/1.xml, /sitemaps/2.xml, … each of at most 5,000 URLs (lib/sitemap.ts).
 */
export async function GET() {
  return xmlResponse(await sitemapDocument(), "application/xml");
}

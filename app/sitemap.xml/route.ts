import { xmlResponse } from "@/lib/distribution/xml";
import { sitemapDocument } from "@/lib/distribution/sitemaps";

// Served from Next's cache; lib/cache/expiry.ts expires it with the lists when an article changes.
export const revalidate = 3600;

/**
 * Every public URL. Up to 5,000 URLs this is one <urlset>; above that it answers a <sitemapindex>
 * of /sitemaps/1.xml, /sitemaps/2.xml, … each of at most 5,000 URLs (lib/distribution/sitemaps.ts).
 */
export async function GET() {
  return xmlResponse(await sitemapDocument(), "application/xml");
}

import { buildNewsSitemap, listNewsSitemapEntries } from "@/lib/distribution/news-sitemap";
import { xmlResponse } from "@/lib/distribution/xml";

// Per request: the build machine has no database, and the window moves with the clock.
export const dynamic = "force-dynamic";

/** Google News sitemap: public articles published in the last two days, at most 1,000. */
export async function GET() {
  return xmlResponse(buildNewsSitemap(await listNewsSitemapEntries()), "application/xml");
}

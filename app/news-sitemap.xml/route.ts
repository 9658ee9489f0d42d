import { buildNewsSitemap, listNewsSitemapEntries, xmlResponse } from "@/lib/distribution/feeds";

// Per request: the build machine has no database, and the window moves with the clock.
export const dynamic = "force-dynamic";

/** Google News sitemap: public articles published in the last two days, at most 1,000. */
export async function GET() {
  return xmlResponse(buildNewsSitemap(await listNewsSitemapEntries()), "application/xml");
}

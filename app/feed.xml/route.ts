import { buildRss, getSiteFeed } from "@/lib/distribution/feeds";
import { xmlResponse } from "@/lib/distribution/xml";

// Served from Next's cache; lib/cache/expiry.ts expires it when an article changes.
export const revalidate = 3600;

/** RSS 2.0 of the latest public articles of the whole site. */
export async function GET() {
  return xmlResponse(buildRss(await getSiteFeed()), "application/rss+xml");
}

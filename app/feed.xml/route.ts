import { buildRss, getSiteFeed, xmlResponse } from "@/lib/distribution";

// Per request: the build machine has no database, and the feed follows publication.
export const dynamic = "force-dynamic";

/** RSS 2.0 of the latest public articles of the whole site. */
export async function GET() {
  return xmlResponse(buildRss(await getSiteFeed()), "application/rss+xml");
}

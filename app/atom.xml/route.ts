import { buildAtom, getSiteFeed } from "@/lib/distribution/feeds";
import { xmlResponse } from "@/lib/distribution/xml";

// Served from Next's cache; lib/cache/expiry.ts expires it when an article changes.
export const revalidate = 3600;

/** Atom of the latest public articles of the whole site (the same items as /feed.xml). */
export async function GET() {
  return xmlResponse(buildAtom(await getSiteFeed()), "application/atom+xml");
}

import { buildAtom, getSiteFeed, xmlResponse } from "@/lib/distribution";

// Per request: the build machine has no database, and the feed follows publication.
export const dynamic = "force-dynamic";

/** Atom of the latest public articles of the whole site (the same items as /feed.xml). */
export async function GET() {
  return xmlResponse(buildAtom(await getSiteFeed()), "application/atom+xml");
}

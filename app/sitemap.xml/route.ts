import type { NextRequest } from "next/server";
import { listSitemapEntries, sitemapDocument, xmlResponse } from "@/lib/distribution";

// Per request: the build machine has no database, and the sitemap follows publication.
export const dynamic = "force-dynamic";

/**
 * Every public URL. Up to 50,000 URLs this is one <urlset>; above that it answers a <sitemapindex>
 * of /sitemap.xml?part=1, ?part=2, … each of at most 50,000 URLs (see sitemapDocument).
 */
export async function GET(request: NextRequest) {
  const document = sitemapDocument(await listSitemapEntries(), request.nextUrl.searchParams.get("part"));
  if (document === null) {
    return new Response("No such sitemap part.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return xmlResponse(document, "application/xml");
}

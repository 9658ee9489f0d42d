import { xmlResponse } from "@/lib/distribution/xml";
import { sitemapPartDocument, sitemapPartNumber } from "@/lib/distribution/sitemaps";
import { noPagesAtBuild } from "../../(site)/static-params";

// Served from Next's cache, each part at its own path (a query string would keep it out of the
// cache); lib/cache/expiry.ts expires them with the lists when an article changes.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Context = { params: Promise<{ file: string }> };

/** One part of a sitemap too large for one file, as /sitemap.xml's index names it. */
export async function GET(_request: Request, { params }: Context) {
  const part = sitemapPartNumber((await params).file);
  const document = part === null ? null : await sitemapPartDocument(part);
  if (document === null) {
    return new Response("No such sitemap part.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return xmlResponse(document, "application/xml");
}

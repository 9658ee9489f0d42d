import { buildRss, getSectionFeed } from "@/lib/distribution/feeds";
import { xmlResponse } from "@/lib/distribution/xml";
import { slugFromParam } from "@/lib/slug";
import { noPagesAtBuild } from "../../../static-params";

// Served from Next's cache, built on first request; lib/cache/expiry.ts expires it when an article changes.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Context = { params: Promise<{ slug: string }> };

/** RSS 2.0 of the latest public articles of one section; 404 for a section that does not exist. */
export async function GET(_request: Request, { params }: Context) {
  const slug = slugFromParam((await params).slug);
  const feed = slug ? await getSectionFeed(slug) : null;
  if (!feed) {
    return new Response("لا يوجد قسم بهذا الرابط.\nNo such section.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return xmlResponse(buildRss(feed), "application/rss+xml");
}

import type { MetadataRoute } from "next";
import { NEWS_SITEMAP_PATH, SITEMAP_PATH } from "@/lib/distribution/feed-links";
import { absoluteUrl } from "@/lib/site";

// Per request, so the sitemap URLs use the SITE_URL the server runs with, not the build machine's.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: "/admin" },
    sitemap: [absoluteUrl(SITEMAP_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}

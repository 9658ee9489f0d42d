import { sectionPath } from "../paths";
import { site } from "../site";

/** The addresses of the feeds and sitemaps, and their `<link rel="alternate">` metadata. */
export const SITE_FEED_PATH = "/feed.xml";
export const SITE_ATOM_PATH = "/atom.xml";
export const SITEMAP_PATH = "/sitemap.xml";
/** Where the parts of a sitemap too large for one file live (lib/distribution/sitemaps.ts). */
export const SITEMAP_PARTS_PATH = "/sitemaps";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
export const sectionFeedPath = (slug: string) => `${sectionPath(slug)}/feed.xml`;

const RSS_TYPE = "application/rss+xml";

/**
 * The site feed as a `<link rel="alternate">` for page metadata. The root layout declares the same
 * link; a page whose metadata sets `alternates` replaces the layout's whole `alternates` object
 * (Next merges metadata one top-level key at a time), so such a page must list it again.
 */
export const siteFeedAlternate = { url: SITE_FEED_PATH, title: site.name };

/** `alternates.types` for a page: its own feeds first (the most specific), then the site feed. */
export function feedAlternateTypes(...own: { url: string; title: string }[]) {
  return { [RSS_TYPE]: [...own, siteFeedAlternate] };
}

export function sectionFeedAlternate(section: { slug: string; name: string }) {
  return { url: sectionFeedPath(section.slug), title: `${section.name} | ${site.name}` };
}

import "server-only";
import { timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";
import { SITEMAP_PARTS_PATH, SITEMAP_PATH } from "../distribution/feed-links";
import { articlePath } from "../paths";
import { cachePurgeTokenFor } from "./purge-token";
import { wakeScheduledPublishing } from "./scheduler";

/*
 * What each change expires in Next's cache of reader pages. The pages are served from the cache
 * (rendered once, then the same bytes for every reader) and are expired here, by the action that
 * made the change, before it returns: the next request renders them afresh. Each function names
 * the change, so a new kind of change has to say what it affects; none expires every page.
 *
 * Known windows:
 * - a render already running when a change commits read the data before it; requests that arrive
 *   while it runs are handed its copy (Next batches them). Next itself would then keep that copy as
 *   fresh, since it dates entries when they are stored; scripts/install/patch-next-runtime.mjs makes it date
 *   them when their render began, so the next request renders again (e2e/tests/postgresql/). The
 *   window is one render's duration.
 * - the "related articles" cards of OTHER articles' pages follow an edit within the article pages'
 *   revalidate period (an hour), because finding every page that lists an article would cost more
 *   than that block is worth; the article itself, the lists and the feeds follow at once.
 * A scheduled article going live is a change nobody makes: lib/cache/scheduler.ts has it
 * expired at its time (scheduledArticlesWentLive).
 */

// A route pattern names the route's folders, route group included: Next tags each cached page with
// its folders ("/(site)/sections/[slug]/layout", …), so "/sections/[slug]" would match nothing.
// Each list's folder holds every one of its pages, first and older ones, and (sections) its feed.
const LIST_ROUTES = [
  "/(site)/sections/[slug]",
  "/(site)/tags/[slug]",
  "/(site)/authors/[slug]",
  "/(site)/sources/[slug]",
];
// With the sitemap (lib/distribution/sitemaps.ts; its parts are SITEMAP_PARTS_ROUTE); the Google News sitemap is
// rendered per request.
const SITE_FEEDS = ["/feed.xml", "/atom.xml", SITEMAP_PATH];
const SITEMAP_PARTS_ROUTE = `${SITEMAP_PARTS_PATH}/[file]`;

/**
 * An article was created, edited, published, unpublished, trashed or restored, or had its comments
 * opened or closed. `slugs`: its address and, after a rename, the old one (which now redirects).
 */
export function articleChanged(slugs: readonly string[]): void {
  expireArticlesAndLists(slugs);
  // It may have been scheduled, or rescheduled.
  wakeScheduledPublishing();
}

/**
 * Scheduled articles reached their time: the pages an edit expires, asked for by the scheduler
 * (lib/cache/scheduler.ts), which is not woken again for it.
 */
export function scheduledArticlesWentLive(slugs: readonly string[]): void {
  expireArticlesAndLists(slugs);
}

function expireArticlesAndLists(slugs: readonly string[]): void {
  for (const slug of slugs) revalidatePath(articlePath(slug));
  revalidatePath("/");
  for (const route of LIST_ROUTES) revalidatePath(route, "layout");
  for (const feed of SITE_FEEDS) revalidatePath(feed);
  revalidatePath(SITEMAP_PARTS_ROUTE, "layout");
}

/** A comment was published or unpublished on an article: only that article's page shows comments. */
export function commentsChanged(articleSlug: string): void {
  revalidatePath(articlePath(articleSlug));
}

/** A writer's name or biography changed: their page and the bylines on article pages. */
export function writerChanged(): void {
  revalidatePath("/(site)/authors/[slug]", "layout");
  revalidatePath("/(site)/articles/[slug]", "layout");
}

/** A site page was added, renamed or edited: the page, and the footer of every page, which lists them. */
export function sitePagesChanged(): void {
  revalidatePath("/", "layout");
}

/** The database was changed outside the app (an import, a restore, a test fixture): expire every page. */
export function everythingChanged(): void {
  revalidatePath("/", "layout");
  // An import may have brought scheduled articles.
  wakeScheduledPublishing();
}

/**
 * Whether a request to the cache routes (/api/cache/…) carries `Authorization: Bearer <token>`,
 * the token derived from APP_SECRET; never without an APP_SECRET (no one could know it).
 */
export function cacheRouteAuthorized(request: Request): boolean {
  const secret = process.env.APP_SECRET;
  if (!secret) return false;
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(cachePurgeTokenFor(secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

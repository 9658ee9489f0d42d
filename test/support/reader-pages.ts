// The data loads of each reader page and feed, call for call as its route makes them (the route is
// named on each), so tests can count and explain every statement a request runs. Each load returns
// how many items the page shows, so a test can check it really showed more.
import assert from "node:assert/strict";
import {
  getPublicArticleBySlug,
  listArticlesPage,
  listLatestArticles,
  listRelatedArticles,
  parseCursor,
  type ArticleListing,
} from "../../lib/articles/reads";
import { getAuthor } from "../../lib/taxonomy/authors";
import { getSourceLabel } from "../../lib/articles/sources";
import { listApprovedComments, listOwnPendingComments } from "../../lib/comments/listing";
import { getSectionFeed, getSiteFeed } from "../../lib/distribution/feeds";
import { listNewsSitemapEntries } from "../../lib/distribution/news-sitemap";
import { sitemapDocument, sitemapPartDocument } from "../../lib/distribution/sitemaps";
import { findRenamedArticleSlug, findSlugByLegacyId } from "../../lib/articles/redirects";
import { searchArticles } from "../../lib/search";
import { getSectionBySlug, listSections } from "../../lib/taxonomy/sections";
import { getTagBySlug } from "../../lib/taxonomy/tags";

export type PageLoad = () => Promise<number>;

/** app/(site)/layout.tsx: the navigation's sections, on every reader page. */
async function withLayout(page: PageLoad): Promise<number> {
  const [sections, shown] = await Promise.all([listSections(), page()]);
  return sections.length + shown;
}

/** app/(site)/page.tsx */
export const homePage: PageLoad = () => withLayout(async () => (await listLatestArticles({ limit: 21 })).length);

/** app/(site)/articles/[slug]/page.tsx, with `pendingIds` from the reader's pending-comments cookie. */
export function articlePage(slug: string, pendingIds: readonly number[] = []): PageLoad {
  return () =>
    withLayout(async () => {
      const article = await getPublicArticleBySlug(slug);
      assert.ok(article, `article ${slug} is public`);
      const [comments, pending, related] = await Promise.all([
        listApprovedComments(article.id),
        listOwnPendingComments(article.id, pendingIds),
        listRelatedArticles(article),
      ]);
      return article.tags.length + comments.length + pending.length + related.length;
    });
}

/** app/(site)/listing.ts: one page of a listing, the first or the one `before` names. */
async function listingPage(listing: ArticleListing, before: string | undefined): Promise<number> {
  const cursor = before === undefined ? null : parseCursor(before);
  assert.ok(before === undefined || cursor, `valid cursor ${before}`);
  return (await listArticlesPage(listing, { before: cursor })).articles.length;
}

/** app/(site)/sections/[slug]/page.tsx */
export function sectionPage(slug: string, before?: string): PageLoad {
  return () =>
    withLayout(async () => {
      const section = await getSectionBySlug(slug);
      assert.ok(section, `section ${slug}`);
      return listingPage({ kind: "section", slug: section.slug }, before);
    });
}

/** app/(site)/tags/[slug]/page.tsx */
export function tagPage(slug: string, before?: string): PageLoad {
  return () =>
    withLayout(async () => {
      const tag = await getTagBySlug(slug);
      assert.ok(tag, `tag ${slug}`);
      return listingPage({ kind: "tag", slug: tag.slug }, before);
    });
}

/** app/(site)/authors/[slug]/page.tsx */
export function authorPage(slug: string, before?: string): PageLoad {
  return () =>
    withLayout(async () => {
      const author = await getAuthor(slug);
      assert.ok(author, `author ${slug}`);
      return listingPage({ kind: "author", id: author.id }, before);
    });
}

/** app/(site)/sources/[slug]/page.tsx */
export function sourcePage(slug: string, before?: string): PageLoad {
  return () =>
    withLayout(async () => {
      const label = await getSourceLabel(slug);
      assert.ok(label, `source ${slug}`);
      return listingPage({ kind: "source", label }, before);
    });
}

/** app/(site)/search/page.tsx */
export function searchPage(query: string, page = 1): PageLoad {
  return () =>
    withLayout(async () => {
      const outcome = await searchArticles(query, page);
      assert.equal(outcome.kind, "results", `"${query}" is a valid search`);
      return outcome.kind === "results" ? outcome.results.length : 0;
    });
}

/** app/feed.xml/route.ts and app/atom.xml/route.ts */
export const siteFeed: PageLoad = async () => (await getSiteFeed()).entries.length;

/** app/(site)/sections/[slug]/feed.xml/route.ts */
export function sectionFeed(slug: string): PageLoad {
  return async () => {
    const feed = await getSectionFeed(slug);
    assert.ok(feed, `section feed ${slug}`);
    return feed.entries.length;
  };
}

const urlCount = (xml: string | null) => (xml ?? "").split("<loc>").length - 1;

/** app/sitemap.xml/route.ts */
export const sitemap: PageLoad = async () => urlCount(await sitemapDocument());

/** app/sitemaps/[file]/route.ts: the second part (the first of articles) of a sitemap cut into parts of `limit` URLs. */
export function sitemapPart(limit: number): PageLoad {
  return async () => urlCount(await sitemapPartDocument(2, { limit }));
}

/** app/news-sitemap.xml/route.ts */
export const newsSitemap: PageLoad = async () => (await listNewsSitemapEntries()).length;

/** app/(site)/legacy/[id]/page.tsx: an origin-site `?p=<id>` link. */
export function legacyLink(legacyId: string): PageLoad {
  return async () => ((await findSlugByLegacyId(legacyId)) ? 1 : 0);
}

/** app/(site)/articles/[slug]/page.tsx for a slug the article had before a rename. */
export function renamedArticle(oldSlug: string): PageLoad {
  return async () => {
    assert.equal(await getPublicArticleBySlug(oldSlug), null, `${oldSlug} is no current slug`);
    return (await findRenamedArticleSlug(oldSlug)) ? 1 : 0;
  };
}

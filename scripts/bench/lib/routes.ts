import Database from "better-sqlite3";
import { articlePath, sectionPath } from "@/lib/paths";
import { ftsMatch, parseSearchQuery } from "@/lib/search/query";
import { decodeEntities } from "../../lib/html-form";

export interface BenchRoutes {
  /** The newest article that takes comments: the page readers hit most, and where comments go. */
  article: string;
  home: string;
  section: string;
  /** The section's page reached by following its "older" link `deepPages` times. */
  sectionDeep: string;
  search: string;
  /** How many articles the search query matches. */
  searchMatches: number;
  feed: string;
}

const OLDER_LINK = /<a\b[^>]*\brel="next"[^>]*>/;
const HREF = /\bhref="([^"]*)"/;

/**
 * The addresses to load, found the way a reader finds them: the article and its section from the
 * archive, the deep page by following the pager's "older" link, as the page renders it.
 */
export async function discoverRoutes(
  baseUrl: string,
  databaseFile: string,
  { deepPages, searchQuery }: { deepPages: number; searchQuery: string },
): Promise<BenchRoutes> {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const newest = newestOpenArticle(db);
    const parsed = parseSearchQuery(searchQuery);
    if (parsed.kind !== "query") throw new Error(`search query ${JSON.stringify(searchQuery)}: ${parsed.message}`);
    const searchMatches = Number(db.prepare(`SELECT count(*) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?`).pluck().get(ftsMatch(parsed.words)));
    if (searchMatches === 0) throw new Error(`search query ${JSON.stringify(searchQuery)} matches no article`);

    const section = sectionPath(newest.sectionSlug);
    return {
      article: articlePath(newest.slug),
      home: "/",
      section,
      sectionDeep: await followOlderLinks(baseUrl, section, deepPages),
      search: `/search?q=${encodeURIComponent(searchQuery)}`,
      searchMatches,
      feed: "/feed.xml",
    };
  } finally {
    db.close();
  }
}

/** The newest published article that takes comments, with its section. */
export function newestOpenArticle(db: Database.Database): { slug: string; sectionSlug: string } {
  const newest = db
    .prepare(
      `SELECT a.slug AS slug, s.slug AS sectionSlug FROM "Article" a JOIN "Section" s ON s.id = a.sectionId
       WHERE a.status = 'PUBLISHED' AND a.deletedAt IS NULL AND a.commentsOpen = 1
       ORDER BY a.publishedAt DESC, a.id DESC LIMIT 1`,
    )
    .get() as { slug: string; sectionSlug: string } | undefined;
  if (!newest) throw new Error("the archive has no published article open to comments");
  return newest;
}

async function followOlderLinks(baseUrl: string, firstPage: string, times: number): Promise<string> {
  let page = firstPage;
  for (let step = 1; step <= times; step += 1) {
    const response = await fetch(new URL(page, baseUrl));
    const html = await response.text();
    if (response.status !== 200) throw new Error(`GET ${page}: HTTP ${response.status}`);
    const href = OLDER_LINK.exec(html)?.[0].match(HREF)?.[1];
    if (!href) throw new Error(`${page} has no "older" link (rel="next") to follow (step ${step} of ${times})`);
    page = decodeEntities(href);
  }
  return page;
}

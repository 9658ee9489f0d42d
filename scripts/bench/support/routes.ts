import { articlePath, sectionPath } from "@/lib/paths";
import { parseSearchQuery } from "@/lib/search/query";
import { decodeEntities } from "../../shared/html-form";
import type { ArchiveReader } from "./archive-reader";

export interface BenchRoutes {
  /** The newest article that takes comments: the page readers hit most, and where comments go. */
  article: string;
  articleId: number;
  home: string;
  section: string;
  /** The section's page reached by following its "older" link `deepPages` times. */
  sectionDeep: string;
  search: string;
  /** How many articles the search query matches, as the search page says. */
  searchMatches: number;
  feed: string;
}

const OLDER_LINK = /<a\b[^>]*\brel="next"[^>]*>/;
const HREF = /\bhref="([^"]*)"/;

/**
 * The addresses to load, found the way a reader finds them: the article and its section from the
 * archive, the deep page by following the pager's "older" link, as the page renders it, and the
 * number of search matches from the search page (whichever database's search answers it).
 */
export async function discoverRoutes(
  baseUrl: string,
  archive: ArchiveReader,
  { deepPages, searchQuery }: { deepPages: number; searchQuery: string },
): Promise<BenchRoutes> {
  const newest = await archive.newestOpenArticle();
  const parsed = parseSearchQuery(searchQuery);
  if (parsed.kind !== "query") throw new Error(`search query ${JSON.stringify(searchQuery)}: ${parsed.message}`);
  const search = `/search?q=${encodeURIComponent(searchQuery)}`;
  const searchMatches = await searchResultCount(baseUrl, search);
  if (searchMatches === 0) throw new Error(`search query ${JSON.stringify(searchQuery)} matches no article`);

  const section = sectionPath(newest.sectionSlug);
  return {
    article: articlePath(newest.slug),
    articleId: newest.id,
    home: "/",
    section,
    sectionDeep: await followOlderLinks(baseUrl, section, deepPages),
    search,
    searchMatches,
    feed: "/feed.xml",
  };
}

const SEARCH_SUMMARY = /<p\b[^>]*\bid="search-summary"[^>]*>([\s\S]*?)<\/p>/;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * The total the search page prints ("نتيجة واحدة", "نتيجتان", "٣ نتائج", "١٬٢٣٤ نتيجة"), 0 when it
 * says nothing matched.
 */
export function searchTotalFromPage(html: string): number {
  const summary = SEARCH_SUMMARY.exec(html)?.[1];
  if (summary === undefined) return 0;
  const text = summary.replace(/<[^>]*>/g, "");
  if (text.includes("نتيجة واحدة")) return 1;
  if (text.includes("نتيجتان")) return 2;
  const digits = /^[\s\u200f]*([0-9\u0660-\u0669٬,]+)/.exec(text)?.[1];
  if (!digits) throw new Error(`cannot read the number of results in ${JSON.stringify(text)}`);
  return Number(
    [...digits]
      .filter((character) => /[0-9\u0660-\u0669]/.test(character))
      .map((character) => (/[0-9]/.test(character) ? character : String(character.charCodeAt(0) - ARABIC_INDIC_ZERO)))
      .join(""),
  );
}

async function searchResultCount(baseUrl: string, search: string): Promise<number> {
  const response = await fetch(new URL(search, baseUrl));
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${search}: HTTP ${response.status}`);
  return searchTotalFromPage(html);
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

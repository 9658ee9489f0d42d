import { notFound } from "next/navigation";
import { listArticlesPage, parseCursor, type ArticleCardsPage, type ArticleListing } from "@/lib/articles/reads";

export type ListingPage = ArticleCardsPage & { isFirstPage: boolean };

/**
 * The `[[...page]]` segment of a list page: nothing for the first page, `before/<cursor>` for older
 * ones. Readers' links say `?before=<cursor>`; proxy.ts rewrites them to that path so the first
 * page never reads the query string and is served from the cache (older pages are cached too).
 */
export type ListingPageParam = string[] | undefined;

/** A list page's articles; a malformed page segment or cursor is a 404, not an error. */
export async function loadListingPage(listing: ArticleListing, page: ListingPageParam): Promise<ListingPage> {
  if (page === undefined) return { ...(await listArticlesPage(listing)), isFirstPage: true };
  const cursor = page.length === 2 && page[0] === "before" ? parseCursor(decodedParam(page[1])) : null;
  if (!cursor) notFound();
  return { ...(await listArticlesPage(listing, { before: cursor })), isFirstPage: false };
}

// Next hands dynamic segments over still percent-encoded; a malformed escape is no cursor.
function decodedParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return "";
  }
}

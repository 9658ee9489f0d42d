import { notFound } from "next/navigation";
import { listArticlesPage, parseCursor, type ArticleCardsPage, type ArticleListing } from "@/lib/articles";

export type ListingPage = ArticleCardsPage & { isFirstPage: boolean };

/** A list page's articles for its `?before=` parameter; a malformed one is a 404, not an error. */
export async function loadListingPage(listing: ArticleListing, searchParams: Promise<{ before?: string | string[] }>): Promise<ListingPage> {
  const before = (await searchParams).before;
  if (before === undefined) return { ...(await listArticlesPage(listing)), isFirstPage: true };
  const cursor = typeof before === "string" ? parseCursor(before) : null;
  if (!cursor) notFound();
  return { ...(await listArticlesPage(listing, { before: cursor })), isFirstPage: false };
}

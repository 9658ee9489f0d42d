import "server-only";

/*
 * Readers' search: what the search page calls. Parsing and highlighting are pure (./query), the SQL
 * is in ./sqlite and ./postgresql (the one DATABASE_URL names), and this module puts them together.
 */
import { blockPlainText, bodyExcerpt, parseArticleBody, type ArticleBody } from "../articles/body/document";
import { publicArticleWhere } from "../articles/visibility";
import { databaseProvider } from "../db/url";
import { db } from "../db/client";
import { truncateAtWord } from "../format";
import type { SectionLink } from "../taxonomy/sections";
import * as postgresqlSearch from "./postgresql";
import { excerptAroundMatch, parseSearchQuery } from "./query";
import * as sqliteSearch from "./sqlite";

export { highlightSegments, type Segment } from "./query";

const { countPublishedMatches, searchPublishedArticles } =
  databaseProvider() === "postgresql" ? postgresqlSearch : sqliteSearch;

export const RESULTS_PER_PAGE = 20;
const EXCERPT_LENGTH = 240;

export interface SearchResult {
  slug: string;
  headline: string;
  /** Plain text around the first match in the body, else the dek, else the body's opening. */
  excerpt: string;
  publishedAt: Date;
  section: SectionLink | null;
}

export type SearchOutcome =
  | { kind: "invalid"; message: string }
  | {
      kind: "results";
      total: number;
      /** The page shown, clamped to 1…pageCount. */
      page: number;
      /** At least 1, even with no results. */
      pageCount: number;
      results: SearchResult[];
      /** The normalized words to highlight in headlines and excerpts (highlightSegments). */
      terms: string[];
    };

/** The body as the index reads it: every paragraph, heading, quote and list item (not image captions). */
function bodyText(body: ArticleBody): string {
  return body.blocks
    .filter((block) => block.type !== "image")
    .map(blockPlainText)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

function excerptFor(row: { dek: string | null; body: string }, terms: readonly string[]): string {
  let body: ArticleBody | null = null;
  try {
    body = parseArticleBody(row.body);
  } catch {
    // A body that is not a valid document still has a headline worth listing.
  }
  const inBody = body ? excerptAroundMatch(bodyText(body), terms, EXCERPT_LENGTH) : null;
  if (inBody) return inBody;
  if (row.dek) return truncateAtWord(row.dek, EXCERPT_LENGTH);
  return body ? bodyExcerpt(body, EXCERPT_LENGTH) : "";
}

function toPage(page: number | string | null | undefined): number {
  const value = typeof page === "number" ? page : Number.parseInt(page ?? "", 10);
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

/**
 * Searches the public articles for what the reader typed: an Arabic message when the query cannot
 * be searched (empty, too short, too long), else one page of results, best match first.
 */
export async function searchArticles(
  rawQuery: string | null | undefined,
  page: number | string | null | undefined = 1,
  { now = new Date() }: { now?: Date } = {},
): Promise<SearchOutcome> {
  const query = parseSearchQuery(rawQuery);
  if (query.kind === "invalid") return { kind: "invalid", message: query.message };

  const total = await countPublishedMatches(query.words, now);
  const pageCount = Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));
  const current = Math.min(toPage(page), pageCount);
  if (total === 0) return { kind: "results", total, page: current, pageCount, results: [], terms: query.terms };

  const ids = await searchPublishedArticles(query.words, {
    limit: RESULTS_PER_PAGE,
    offset: (current - 1) * RESULTS_PER_PAGE,
    now,
  });
  const rows = await db.article.findMany({
    // publicArticleWhere again: an article trashed between the two reads is not shown.
    where: { id: { in: ids }, ...publicArticleWhere(now) },
    select: {
      id: true,
      slug: true,
      headline: true,
      dek: true,
      body: true,
      publishedAt: true,
      section: { select: { slug: true, name: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        slug: row.slug,
        headline: row.headline,
        excerpt: excerptFor(row, query.terms),
        // Public rows always have a date: publicArticleWhere filters on it.
        publishedAt: row.publishedAt ?? new Date(0),
        section: row.section,
      },
    ];
  });
  return { kind: "results", total, page: current, pageCount, results, terms: query.terms };
}

import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { bodyExcerpt, parseArticleBody, type ArticleBody } from "./body/document";
import { acceptsComments } from "../comments/rules";
import { publicArticleWhere } from "./visibility";
import { truncateAtWord } from "../format";
import type { SectionLink } from "../taxonomy/sections";
import type { TagLink } from "../taxonomy/tags";
import { authorPath, sourcePath } from "../paths";
import { slugify } from "../slug";

// No body: it is an article's largest column, and a card shows at most its opening (see excerptsOf).
const cardSelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  publishedAt: true,
  leadImageUrl: true,
  leadImageAlt: true,
  leadImageCaption: true,
  leadImageCaptionLang: true,
  section: { select: { slug: true, name: true } },
} satisfies Prisma.ArticleSelect;

export interface ArticleCard {
  slug: string;
  headline: string;
  excerpt: string;
  publishedAt: Date;
  section: SectionLink | null;
  leadImage: { url: string; alt: string } | null;
  /** Shown in place of a photo that did not come with an imported article. */
  leadImageCaption: { text: string; lang: string } | null;
}

/**
 * The text under a card's or a feed item's headline, by article id: the dek, else the opening of the
 * body. Bodies are read (in one query, whatever the number of articles) only for articles without a dek.
 */
export async function excerptsOf(rows: readonly { id: number; dek: string | null }[]): Promise<Map<number, string>> {
  const withoutDek = rows.filter((row) => row.dek === null).map((row) => row.id);
  const bodies =
    withoutDek.length === 0
      ? []
      : await db.article.findMany({ where: { id: { in: withoutDek } }, select: { id: true, body: true } });
  const openings = new Map(bodies.map((row) => [row.id, bodyExcerpt(parseArticleBody(row.body))]));
  return new Map(rows.map((row) => [row.id, row.dek ?? openings.get(row.id) ?? ""]));
}

type CardRow = Prisma.ArticleGetPayload<{ select: typeof cardSelect }>;

async function toCards(rows: readonly CardRow[]): Promise<ArticleCard[]> {
  const excerpts = await excerptsOf(rows);
  return rows.map((row) => toCard(row, excerpts.get(row.id) ?? ""));
}

function toCard(row: CardRow, excerpt: string): ArticleCard {
  return {
    slug: row.slug,
    headline: row.headline,
    excerpt,
    // Public rows always have a date: publicArticleWhere filters on it.
    publishedAt: row.publishedAt ?? new Date(0),
    section: row.section,
    leadImage: row.leadImageUrl ? { url: row.leadImageUrl, alt: row.leadImageAlt ?? "" } : null,
    leadImageCaption: row.leadImageCaption
      ? { text: truncateAtWord(row.leadImageCaption, 160), lang: row.leadImageCaptionLang ?? "ar" }
      : null,
  };
}

interface ListOptions {
  limit?: number;
  now?: Date;
}

export async function listLatestArticles({ limit = 20, now = new Date() }: ListOptions = {}): Promise<ArticleCard[]> {
  const rows = await db.article.findMany({
    where: publicArticleWhere(now),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: cardSelect,
  });
  return toCards(rows);
}

/** Whose articles a list page shows. */
export type ArticleListing =
  | { kind: "section"; slug: string }
  | { kind: "tag"; slug: string }
  | { kind: "author"; id: string }
  | { kind: "source"; label: string };

function listingWhere(listing: ArticleListing): Prisma.ArticleWhereInput {
  switch (listing.kind) {
    case "section":
      return { section: { slug: listing.slug } };
    case "tag":
      return { tags: { some: { tag: { slug: listing.slug } } } };
    case "author":
      return { authorId: listing.id };
    case "source":
      return { authorId: null, bylineLabel: listing.label };
  }
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~(\d{1,15})$/;

/** A page boundary: the date and id of the last article shown. Null when it is not one. */
export function parseCursor(cursor: string): { publishedAt: Date; id: number } | null {
  const match = CURSOR.exec(cursor);
  if (!match) return null;
  const publishedAt = new Date(match[1]);
  return Number.isNaN(publishedAt.getTime()) ? null : { publishedAt, id: Number(match[2]) };
}

export interface ArticleCardsPage {
  articles: ArticleCard[];
  /** The `before` value of the next (older) page, or null on the last page. */
  olderCursor: string | null;
}

/**
 * One page of a listing, newest first, by keyset: `before` is where the previous page ended, so
 * each page is an index range scan whatever its depth, and a page's URL keeps its content as new
 * articles arrive (no offsets that shift).
 */
export async function listArticlesPage(
  listing: ArticleListing,
  {
    before = null,
    limit = 20,
    now = new Date(),
  }: { before?: { publishedAt: Date; id: number } | null; limit?: number; now?: Date } = {},
): Promise<ArticleCardsPage> {
  const rows = await db.article.findMany({
    where: {
      ...publicArticleWhere(now),
      ...listingWhere(listing),
      ...(before
        ? {
            OR: [
              { publishedAt: { lt: before.publishedAt } },
              { publishedAt: before.publishedAt, id: { lt: before.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: cardSelect,
  });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    articles: await toCards(shown),
    olderCursor: rows.length > limit && last?.publishedAt ? `${last.publishedAt.toISOString()}~${last.id}` : null,
  };
}

export interface Byline {
  name: string;
  path: string;
  kind: "author" | "source";
}

function bylineOf(row: {
  author: { id: string; slug: string | null; name: string } | null;
  bylineLabel: string | null;
}): Byline | null {
  if (row.author) return { name: row.author.name, path: authorPath(row.author.slug ?? row.author.id), kind: "author" };
  const sourceSlug = row.bylineLabel ? slugify(row.bylineLabel) : "";
  return row.bylineLabel && sourceSlug ? { name: row.bylineLabel, path: sourcePath(sourceSlug), kind: "source" } : null;
}

/** Articles sharing the section or a tag, newest first, never the article itself. */
export async function listRelatedArticles(
  article: { id: number; section: SectionLink | null; tags: readonly TagLink[] },
  { limit = 4, now = new Date() }: ListOptions = {},
): Promise<ArticleCard[]> {
  const related: Prisma.ArticleWhereInput[] = [
    ...(article.section ? [{ section: { slug: article.section.slug } }] : []),
    ...(article.tags.length
      ? [{ tags: { some: { tag: { slug: { in: article.tags.map((tag) => tag.slug) } } } } }]
      : []),
  ];
  if (related.length === 0) return [];
  const rows = await db.article.findMany({
    where: { ...publicArticleWhere(now), id: { not: article.id }, OR: related },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: cardSelect,
  });
  return toCards(rows);
}

export interface LeadImage {
  url: string | null;
  alt: string;
  caption: string | null;
  credit: string | null;
  captionLang: string;
}

export interface ReaderArticle {
  id: number;
  slug: string;
  headline: string;
  dek: string | null;
  body: ArticleBody;
  section: SectionLink | null;
  tags: TagLink[];
  /** Who signs the article: its author's page, or else the page of its byline label. */
  byline: Byline | null;
  bylineLabel: string | null;
  sourceUrl: string | null;
  publishedAt: Date;
  updatedAt: Date;
  leadImage: LeadImage | null;
  commentsOpen: boolean;
  approvedCommentCount: number;
}

const readerArticleColumns = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  body: true,
  bylineLabel: true,
  sourceUrl: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  commentsOpen: true,
  commentsCloseAt: true,
  deletedAt: true,
  leadImageUrl: true,
  leadImageAlt: true,
  leadImageCaption: true,
  leadImageCredit: true,
  leadImageCaptionLang: true,
  section: { select: { slug: true, name: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
  author: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.ArticleSelect;

export const readerArticleSelect = {
  ...readerArticleColumns,
  _count: { select: { comments: { where: { status: "APPROVED" } } } },
} satisfies Prisma.ArticleSelect;

/** The article as a reader sees it, or null when it does not exist or is not public yet. */
export async function getPublicArticleBySlug(slug: string, now = new Date()): Promise<ReaderArticle | null> {
  const row = await db.article.findFirst({ where: { slug, ...publicArticleWhere(now) }, select: readerArticleColumns });
  if (!row) return null;
  // Counted on its own, by the (articleId, status) index: as a `_count` in the select, Prisma joins
  // the article to the approved-comment counts of every article, which SQLite computes in full.
  const approvedComments = await db.comment.count({ where: { articleId: row.id, status: "APPROVED" } });
  return toReaderArticle({ ...row, _count: { comments: approvedComments } }, now);
}

/** Maps a row to what the article page renders; also used by the newsroom's preview of drafts. */
export function toReaderArticle(
  row: Prisma.ArticleGetPayload<{ select: typeof readerArticleSelect }>,
  now: Date,
): ReaderArticle {
  const hasLeadImage = row.leadImageUrl || row.leadImageCaption || row.leadImageCredit;
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    body: parseArticleBody(row.body),
    section: row.section,
    tags: row.tags.map(({ tag }) => tag),
    byline: bylineOf(row),
    bylineLabel: row.bylineLabel,
    sourceUrl: row.sourceUrl,
    publishedAt: row.publishedAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    leadImage: hasLeadImage
      ? {
          url: row.leadImageUrl,
          alt: row.leadImageAlt ?? "",
          caption: row.leadImageCaption,
          credit: row.leadImageCredit,
          captionLang: row.leadImageCaptionLang ?? "ar",
        }
      : null,
    commentsOpen: acceptsComments(row, now),
    approvedCommentCount: row._count.comments,
  };
}

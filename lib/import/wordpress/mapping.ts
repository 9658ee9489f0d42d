import type { ArticleBody } from "../../articles/body/document";
import { dateFromZonedInput } from "../../format";
import { slugify } from "../../slug";
import { MAX_TAG_LENGTH, MAX_TAGS } from "../../taxonomy/tags";
import { convertContent, type AttachmentImage } from "./content";
import type { WxrAuthor, WxrComment, WxrItem } from "./entries";

/*
 * What each item of the export becomes, decided from the export alone (no database): the import
 * plans every item in a first pass over the file, so the dry run and the report say exactly what
 * the writing pass will do. Every change from what the export says is a note in the report.
 */

export interface MappingContext {
  siteUrl: string;
  /** The site's time zone, for dates the export gives only in local time. */
  timeZone: string;
  authors: ReadonlyMap<string, WxrAuthor>;
  /** Category slug (as exported) to name, and term id to category slug (for a primary category). */
  categoryNames: ReadonlyMap<string, string>;
  categorySlugsById: ReadonlyMap<string, string>;
  attachments: ReadonlyMap<string, Attachment>;
}

export interface Attachment extends AttachmentImage {
  postId: string;
  /** The post it was uploaded to, whose article its attachment page now leads to. */
  parentId: string;
  /** The page WordPress showed the attachment on. */
  link: string;
}

/** A category or tag as the old site addressed it (`/category/<slug>/`). */
export interface PlannedTerm {
  /** Decoded. */
  slug: string;
  /** The portal's section or tag name. */
  name: string;
  archive: "category" | "tag";
}

export type CommentStatus = "APPROVED" | "PENDING" | "SPAM" | "REJECTED";

export interface PlannedComment {
  legacyId: string;
  /** The WordPress id of the comment it answers, when it answers one. */
  parentLegacyId: string | null;
  authorName: string;
  authorEmail: string | null;
  body: string;
  status: CommentStatus;
  createdAt: Date;
}

export type ArticleStatus = "PUBLISHED" | "SCHEDULED" | "DRAFT";

export interface PlannedArticle {
  postId: string;
  /** `<site>/?p=<id>`: with the export's site, what finds the article again on the next run. */
  sourceUrl: string;
  headline: string;
  dek: string | null;
  body: ArticleBody;
  slug: string;
  status: ArticleStatus;
  /** In WordPress's trash: imported into the newsroom's, with the status it had before. */
  trashed: boolean;
  publishedAt: Date | null;
  commentsOpen: boolean;
  sectionName: string | null;
  tags: string[];
  /** The categories and tags as the old site addressed them, each kept as a redirect. */
  sectionTerm: PlannedTerm | null;
  tagTerms: PlannedTerm[];
  author: WxrAuthor | null;
  /** The byline when the login has no author entry (WXR 1.0 files have none). */
  bylineLabel: string | null;
  leadImage: Attachment | null;
  comments: PlannedComment[];
  /** Comments not brought over (pingbacks, trackbacks), counted. */
  skippedComments: number;
  /** The post's old addresses on the site: its permalink path. */
  oldPaths: string[];
  notes: string[];
}

export interface PlannedPage {
  postId: string;
  /** `<site>/?page_id=<id>`: what finds the page again on the next run. */
  sourceUrl: string;
  title: string;
  slug: string;
  body: ArticleBody;
  oldPaths: string[];
  notes: string[];
}

export type ItemPlan =
  | { kind: "article"; article: PlannedArticle }
  | { kind: "page"; page: PlannedPage }
  | { kind: "attachment" }
  | { kind: "skipped"; reason: string };

const ZERO_DATE = /^0000-00-00/;
const UNTITLED = "بلا عنوان";

/** `%d8%a7…` (how WordPress stores non-Latin slugs) as the letters it encodes. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function gmtDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match || ZERO_DATE.test(value)) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The GMT date, else the local one read in the site's time zone (noted), else null. */
function itemDate(gmt: string, local: string, timeZone: string, notes: string[]): Date | null {
  const date = gmtDate(gmt);
  if (date) return date;
  const fromLocal = ZERO_DATE.test(local) ? null : dateFromZonedInput(local, timeZone);
  if (fromLocal) notes.push(`no GMT date: the local date ${local} read in ${timeZone}`);
  return fromLocal;
}

function statusOf(wpStatus: string, notes: string[]): ArticleStatus | null {
  switch (wpStatus) {
    case "publish":
      return "PUBLISHED";
    case "future":
      return "SCHEDULED";
    case "draft":
    case "pending":
    case "private":
      notes.push(`status ${wpStatus}: imported as a draft`);
      return "DRAFT";
    default:
      return null;
  }
}

/** The portal's status, and whether the post is in the trash (with the status it had before it). */
function state(item: WxrItem, notes: string[]): { status: ArticleStatus; trashed: boolean } | null {
  const trashed = item.status === "trash";
  const status = trashed
    ? (statusOf(item.meta.get("_wp_trash_meta_status")?.trim() ?? "draft", []) ?? "DRAFT")
    : statusOf(item.status, notes);
  if (!status) return null;
  if (item.password) {
    notes.push("password-protected: imported as a draft, so its body and comments stay private");
    return { status: "DRAFT", trashed };
  }
  return { status, trashed };
}

function commentStatus(approved: string): CommentStatus {
  if (approved === "1") return "APPROVED";
  if (approved === "spam") return "SPAM";
  if (approved === "trash" || approved === "post-trashed") return "REJECTED";
  return "PENDING";
}

function planComments(item: WxrItem, context: MappingContext): { comments: PlannedComment[]; skipped: number } {
  const comments: PlannedComment[] = [];
  let skipped = 0;
  for (const comment of item.comments) {
    if (comment.type === "pingback" || comment.type === "trackback") {
      skipped += 1;
      continue;
    }
    const body = comment.content.trim();
    if (!body) {
      skipped += 1;
      continue;
    }
    comments.push(plannedComment(comment, body, context));
  }
  return { comments, skipped };
}

function plannedComment(comment: WxrComment, body: string, context: MappingContext): PlannedComment {
  const createdAt = gmtDate(comment.dateGmt) ?? dateFromZonedInput(comment.date, context.timeZone) ?? new Date(0);
  return {
    legacyId: comment.id,
    parentLegacyId: comment.parentId && comment.parentId !== "0" ? comment.parentId : null,
    authorName: comment.authorName || "زائر",
    authorEmail: comment.authorEmail.toLowerCase() || null,
    body,
    status: commentStatus(comment.approved),
    createdAt,
  };
}

/** Section from the primary category (Yoast and Rank Math name one) or the first; the rest become tags. */
function taxonomy(item: WxrItem, context: MappingContext, notes: string[]) {
  const categories = item.terms.filter((term) => term.domain === "category");
  const primaryId = item.meta.get("_yoast_wpseo_primary_category") ?? item.meta.get("rank_math_primary_category");
  const primarySlug = primaryId ? context.categorySlugsById.get(primaryId.trim()) : undefined;
  const primary = categories.find((term) => term.slug === primarySlug) ?? categories[0];
  const categoryName = (term: { slug: string; name: string }) =>
    term.name || context.categoryNames.get(term.slug) || decodeSlug(term.slug);
  const sectionName = primary ? categoryName(primary) : null;
  const others = categories.filter((term) => term !== primary);
  const extraCategories = others.map(categoryName);
  for (const name of extraCategories) notes.push(`category ${name} became a tag (an article has one section)`);

  const tagItems = item.terms.filter((term) => term.domain === "post_tag");
  const wanted = [...tagItems.map((term) => term.name), ...extraCategories];
  const tags: string[] = [];
  for (const raw of wanted) {
    const name = raw.replace(/\s+/g, " ").trim();
    if (!name || tags.includes(name)) continue;
    if (name.length > MAX_TAG_LENGTH) notes.push(`tag ${name} cut to ${MAX_TAG_LENGTH} characters`);
    const kept = name.slice(0, MAX_TAG_LENGTH);
    if (tags.length >= MAX_TAGS) notes.push(`tag ${kept} left out: an article has at most ${MAX_TAGS}`);
    else if (!tags.includes(kept)) tags.push(kept);
  }
  for (const term of item.terms) {
    if (term.domain !== "category" && term.domain !== "post_tag")
      notes.push(`term ${term.name || term.slug} (${term.domain}) not imported`);
  }
  const planned = (term: { slug: string }, name: string, archive: PlannedTerm["archive"]): PlannedTerm => ({
    slug: decodeSlug(term.slug),
    name: name.replace(/\s+/g, " ").trim().slice(0, MAX_TAG_LENGTH),
    archive,
  });
  return {
    sectionName,
    tags,
    sectionTerm: primary && sectionName ? planned(primary, sectionName, "category") : null,
    tagTerms: [
      ...tagItems.map((term) => planned(term, term.name, "tag")),
      ...others.map((term) => planned(term, categoryName(term), "category")),
    ].filter((term) => term.slug && tags.includes(term.name)),
  };
}

function plannedSlug(item: WxrItem, headline: string, notes: string[]): string {
  // WordPress renames a trashed post's slug `<slug>__trashed` to free the original.
  const decoded = decodeSlug(item.slug).replace(/__trashed$/, "");
  const slug = slugify(decoded) || slugify(headline) || `wp-${item.postId}`;
  if (item.slug && slug !== decoded) notes.push(`slug ${decoded} became ${slug}`);
  return slug;
}

/** The path of the post's old permalink on its site, when the export gives one. */
function oldPaths(item: WxrItem, siteUrl: string): string[] {
  try {
    const link = new URL(item.link, siteUrl);
    return link.origin === new URL(siteUrl).origin && link.pathname !== "/" ? [link.pathname] : [];
  } catch {
    return [];
  }
}

/** A post's or page's title (a placeholder when it has none) and its body document, with their notes. */
function titleAndBody(item: WxrItem, context: MappingContext, notes: string[]): { title: string; body: ArticleBody } {
  if (!item.title) notes.push(`no title: imported as «${UNTITLED}»`);
  const content = convertContent(item.content, {
    siteUrl: context.siteUrl,
    attachment: (id) => context.attachments.get(id),
  });
  notes.push(...content.notes);
  return { title: item.title || UNTITLED, body: content.body };
}

/** A published page becomes a site page; any other is skipped, since a site page is public once it exists. */
function planPage(item: WxrItem, context: MappingContext): ItemPlan {
  if (item.status !== "publish" || item.password)
    return {
      kind: "skipped",
      reason: `a page ${item.password ? "with a password" : `with status ${item.status || "(none)"}`}: site pages are public, so it was left out`,
    };
  const notes: string[] = [];
  const { title, body } = titleAndBody(item, context, notes);
  return {
    kind: "page",
    page: {
      postId: item.postId,
      sourceUrl: `${context.siteUrl.replace(/\/+$/, "")}/?page_id=${item.postId}`,
      title,
      slug: plannedSlug(item, title, notes),
      body,
      oldPaths: oldPaths(item, context.siteUrl),
      notes: [...new Set(notes)],
    },
  };
}

export function planItem(item: WxrItem, context: MappingContext): ItemPlan {
  if (item.postType === "attachment") return { kind: "attachment" };
  if (item.postType === "page" && /^\d+$/.test(item.postId)) return planPage(item, context);
  if (item.postType !== "post")
    return { kind: "skipped", reason: `post type ${item.postType || "(none)"}: the portal has no place for it` };
  if (!/^\d+$/.test(item.postId)) return { kind: "skipped", reason: "no wp:post_id" };
  if (item.status === "auto-draft")
    return { kind: "skipped", reason: "an auto-draft (WordPress's unsaved editor state)" };
  const notes: string[] = [];
  const articleState = state(item, notes);
  if (!articleState) return { kind: "skipped", reason: `status ${item.status || "(none)"} is not a post status` };

  const { title: headline, body } = titleAndBody(item, context, notes);
  // A draft's date is when it was last saved: it is given one when it is published.
  const publishedAt =
    articleState.status === "DRAFT" && !articleState.trashed
      ? null
      : itemDate(item.dateGmt, item.date, context.timeZone, notes);
  const undated = articleState.status !== "DRAFT" && !publishedAt;
  if (undated) notes.push(`${articleState.status.toLowerCase()} without a date: imported as a draft`);

  const author = context.authors.get(item.creator) ?? null;
  if (item.creator && !author) notes.push(`author ${item.creator} has no entry in the export: kept as the byline`);
  const thumbnailId = item.meta.get("_thumbnail_id")?.trim();
  const leadImage = thumbnailId ? (context.attachments.get(thumbnailId) ?? null) : null;
  if (thumbnailId && !leadImage) notes.push(`featured image ${thumbnailId} is not in the export`);
  const { comments, skipped } = planComments(item, context);

  return {
    kind: "article",
    article: {
      postId: item.postId,
      sourceUrl: `${context.siteUrl.replace(/\/+$/, "")}/?p=${item.postId}`,
      headline,
      dek: item.excerpt || null,
      body,
      slug: plannedSlug(item, headline, notes),
      status: undated ? "DRAFT" : articleState.status,
      trashed: articleState.trashed,
      publishedAt,
      commentsOpen: item.commentStatus !== "closed",
      ...taxonomy(item, context, notes),
      author,
      bylineLabel: author ? null : item.creator || null,
      leadImage,
      comments,
      skippedComments: skipped,
      oldPaths: oldPaths(item, context.siteUrl),
      notes: [...new Set(notes)],
    },
  };
}

export function planAttachment(item: WxrItem): Attachment | null {
  const url = item.attachmentUrl || item.guid;
  if (!/^\d+$/.test(item.postId) || !url) return null;
  return {
    postId: item.postId,
    url,
    alt: (item.meta.get("_wp_attachment_image_alt") ?? "").trim(),
    caption: item.excerpt,
    parentId: item.parentId,
    link: item.link,
  };
}

import type { WxrNamespaces } from "./namespaces";
import { child, childrenNamed, childText, type XmlElement } from "./xml-stream";

/*
 * The channel's entries as typed records, every field as the export spells it (slugs still
 * percent-encoded, dates as written): what they become in the portal is decided in mapping.ts.
 */

export interface WxrChannel {
  title: string;
  /** `wp:base_site_url`, or the channel's link: with the post ids, what identifies a post across runs. */
  siteUrl: string;
  wxrVersion: string;
}

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
}

export interface WxrTerm {
  /** `category`, `post_tag`, or another taxonomy (`nav_menu`, `post_format`…). */
  taxonomy: string;
  termId: string;
  slug: string;
  name: string;
  parentSlug: string;
}

export interface WxrItemTerm {
  /** `category`, `post_tag`, `post_format`, `nav_menu`, `author` (co-authors) … */
  domain: string;
  slug: string;
  name: string;
}

export interface WxrComment {
  id: string;
  parentId: string;
  authorName: string;
  authorEmail: string;
  date: string;
  dateGmt: string;
  content: string;
  /** `1`, `0`, `spam`, `trash`, `post-trashed`. */
  approved: string;
  /** `` or `comment`, `pingback`, `trackback`, … */
  type: string;
}

export interface WxrItem {
  line: number;
  postId: string;
  postType: string;
  status: string;
  title: string;
  link: string;
  guid: string;
  slug: string;
  content: string;
  excerpt: string;
  creator: string;
  date: string;
  dateGmt: string;
  commentStatus: string;
  password: string;
  parentId: string;
  attachmentUrl: string;
  meta: Map<string, string>;
  terms: WxrItemTerm[];
  comments: WxrComment[];
}

export type WxrEntry =
  | { kind: "channel-field"; name: string; value: string }
  | { kind: "author"; author: WxrAuthor }
  | { kind: "term"; term: WxrTerm }
  | { kind: "item"; item: WxrItem }
  | { kind: "other"; name: string };

const RSS = "";

/** What one child of `<channel>` is. */
export function readEntry(element: XmlElement, ns: WxrNamespaces): WxrEntry {
  const wp = (local: string) => childText(element, ns.wp, local).trim();
  if (element.uri === ns.wp) {
    switch (element.local) {
      case "author":
        return {
          kind: "author",
          author: {
            login: wp("author_login"),
            email: wp("author_email"),
            displayName: wp("author_display_name") || wp("author_login"),
          },
        };
      case "category":
        return {
          kind: "term",
          term: {
            taxonomy: "category",
            termId: wp("term_id"),
            slug: wp("category_nicename"),
            name: wp("cat_name"),
            parentSlug: wp("category_parent"),
          },
        };
      case "tag":
        return {
          kind: "term",
          term: {
            taxonomy: "post_tag",
            termId: wp("term_id"),
            slug: wp("tag_slug"),
            name: wp("tag_name"),
            parentSlug: "",
          },
        };
      case "term":
        return {
          kind: "term",
          term: {
            taxonomy: wp("term_taxonomy"),
            termId: wp("term_id"),
            slug: wp("term_slug"),
            name: wp("term_name"),
            parentSlug: wp("term_parent"),
          },
        };
      default:
        return { kind: "channel-field", name: element.local, value: element.text.trim() };
    }
  }
  if (element.uri === RSS && element.local === "item") return { kind: "item", item: readItem(element, ns) };
  if (element.uri === RSS) return { kind: "channel-field", name: element.local, value: element.text.trim() };
  return { kind: "other", name: element.local };
}

function readItem(element: XmlElement, ns: WxrNamespaces): WxrItem {
  const wp = (local: string) => childText(element, ns.wp, local).trim();
  const meta = new Map<string, string>();
  for (const entry of childrenNamed(element, ns.wp, "postmeta")) {
    meta.set(childText(entry, ns.wp, "meta_key").trim(), childText(entry, ns.wp, "meta_value"));
  }
  return {
    line: element.line,
    postId: wp("post_id"),
    postType: wp("post_type"),
    status: wp("status"),
    title: childText(element, RSS, "title").trim(),
    link: childText(element, RSS, "link").trim(),
    guid: childText(element, RSS, "guid").trim(),
    slug: wp("post_name"),
    content: childText(element, ns.content, "encoded"),
    excerpt: childText(element, ns.excerpt, "encoded").trim(),
    creator: childText(element, ns.dc, "creator").trim(),
    date: wp("post_date"),
    dateGmt: wp("post_date_gmt"),
    commentStatus: wp("comment_status"),
    password: wp("post_password"),
    parentId: wp("post_parent"),
    attachmentUrl: wp("attachment_url"),
    meta,
    terms: childrenNamed(element, RSS, "category").map((term) => ({
      domain: term.attributes.domain ?? "category",
      slug: term.attributes.nicename ?? "",
      name: term.text.trim(),
    })),
    comments: childrenNamed(element, ns.wp, "comment").map((comment) => {
      const field = (local: string) => childText(comment, ns.wp, local).trim();
      return {
        id: field("comment_id"),
        parentId: field("comment_parent"),
        authorName: field("comment_author"),
        authorEmail: field("comment_author_email"),
        date: field("comment_date"),
        dateGmt: field("comment_date_gmt"),
        content: child(comment, ns.wp, "comment_content")?.text ?? "",
        approved: field("comment_approved"),
        type: field("comment_type"),
      };
    }),
  };
}

import type { ImageObject, NewsArticle, Organization, Person, QuantitativeValue, Thing, WithContext } from "schema-dts";
import { bodyExcerpt } from "../articles/body/document";
import type { ReaderArticle, Byline, LeadImage } from "../articles/reads";
import { truncateAtWord } from "../format";
import { responsiveImage } from "../media/urls";
import { articlePath } from "../paths";
import { absoluteUrl } from "../site";

/**
 * What search engines and social networks read about an article: schema.org `NewsArticle` JSON-LD
 * (Google's recommended properties) and the texts of the share cards. Pure functions of the
 * article and the site's identity, so they are tested without a database or a server.
 */

/** The parts of `site` (lib/site.ts) the structured data needs. */
export interface SiteIdentity {
  name: string;
  url: URL;
  /** The publisher's logo, a path on the site. */
  logoPath: string;
}

/** The parts of an article page the structured data and the share cards are made of. */
export type StructuredArticle = Pick<
  ReaderArticle,
  "slug" | "headline" | "dek" | "body" | "section" | "tags" | "byline" | "publishedAt" | "updatedAt" | "leadImage"
>;

/** Open Graph and X/Twitter show at most this much of a description. */
export const DESCRIPTION_MAX_LENGTH = 200;
/** X/Twitter's card title limit. */
export const SHARE_TITLE_MAX_LENGTH = 70;

/** `text` when it fits in `maxLength` characters; else cut at a word boundary, "…" included in the count. */
export function clipText(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : truncateAtWord(text, maxLength - 1);
}

/** The dek, or else the opening paragraph, in at most 200 characters; undefined when there is neither. */
export function articleDescription(article: Pick<StructuredArticle, "dek" | "body">): string | undefined {
  const text = (article.dek ?? bodyExcerpt(article.body, Number.POSITIVE_INFINITY)).trim();
  return text ? clipText(text, DESCRIPTION_MAX_LENGTH) : undefined;
}

/** The headline for an X/Twitter card: at most 70 characters, cut at a word boundary with "…". */
export function shareTitle(headline: string): string {
  return clipText(headline, SHARE_TITLE_MAX_LENGTH);
}

/**
 * When the article last changed, for readers' machines: never before its publication (a scheduled
 * article is saved before it goes live, and "modified before published" makes no sense).
 */
export function articleModifiedAt(article: Pick<StructuredArticle, "publishedAt" | "updatedAt">): Date {
  return article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
}

export function canonicalArticleUrl(slug: string, site: Pick<SiteIdentity, "url">): string {
  return absoluteUrl(articlePath(slug), site.url);
}

/** A size in pixels (UN/CEFACT unit code E37): schema-dts types `width`/`height` as text or a QuantitativeValue. */
function pixels(value: number): QuantitativeValue {
  return { "@type": "QuantitativeValue", value, unitCode: "E37" };
}

/**
 * The lead photo as an `ImageObject`: the file (with its size when it is one of our uploads) and
 * its caption, photo credit and the language they are written in.
 *
 * An imported article can carry the caption and credit of a photo whose file did not come with it
 * (the seed article does). Its ImageObject then has `caption` and `creditText` and no `url`: every
 * property of ImageObject is optional in schema.org (and in schema-dts, Google's own types), so
 * this is valid, and the credit stays on the photo it belongs to. The alternative, moving the
 * credit onto a generated share card, would attribute our own card to the photo agency (AFP for
 * the seed), which is false. The cost: Google can show no image for such an article, and its
 * image-licence report (which wants `contentUrl`) ignores this object or reports it.
 */
export function leadImageJsonLd(image: LeadImage, site: Pick<SiteIdentity, "url">): ImageObject | null {
  const file = image.url ? absoluteUrl(image.url, site.url) : null;
  const size = image.url ? responsiveImage(image.url) : null;
  const described = Boolean(image.caption || image.credit);
  if (!file && !described) return null;
  return {
    "@type": "ImageObject",
    ...(file ? { url: file, contentUrl: file } : {}),
    ...(size ? { width: pixels(size.width), height: pixels(size.height) } : {}),
    ...(file && image.alt ? { description: image.alt } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
    ...(described ? { inLanguage: image.captionLang } : {}),
  };
}

/** The byline as its own object: a newsroom author is a Person, an agency or desk label an Organization. */
export function bylineJsonLd(byline: Byline, site: Pick<SiteIdentity, "url">): Person | Organization {
  const url = absoluteUrl(byline.path, site.url);
  return byline.kind === "author"
    ? { "@type": "Person", name: byline.name, url }
    : { "@type": "Organization", name: byline.name, url };
}

export function publisherJsonLd(site: SiteIdentity): Organization {
  return {
    "@type": "Organization",
    name: site.name,
    url: absoluteUrl("/", site.url),
    logo: { "@type": "ImageObject", url: absoluteUrl(site.logoPath, site.url) },
  };
}

/**
 * The article's `NewsArticle` JSON-LD with the properties Google recommends. The headline is kept
 * whole even past Google's 110-character guidance. An article without a byline gets no `author`
 * (none is invented); one without a photo, file or caption, gets no `image`.
 */
export function newsArticleJsonLd(article: StructuredArticle, site: SiteIdentity): WithContext<NewsArticle> {
  const canonical = canonicalArticleUrl(article.slug, site);
  const description = articleDescription(article);
  const image = article.leadImage ? leadImageJsonLd(article.leadImage, site) : null;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    ...(description ? { description } : {}),
    url: canonical,
    mainEntityOfPage: canonical,
    inLanguage: "ar",
    // toISOString: ISO 8601 in UTC with its timezone designator ("Z").
    datePublished: article.publishedAt.toISOString(),
    dateModified: articleModifiedAt(article).toISOString(),
    ...(image ? { image } : {}),
    ...(article.byline ? { author: bylineJsonLd(article.byline, site) } : {}),
    publisher: publisherJsonLd(site),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name) } : {}),
  };
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` element. An HTML parser ends a script at the
 * first `</script` whatever the JSON around it says, and `<!--` changes how it reads on; so every
 * `<`, `>` and `&` is written as a JSON escape (\u003c…). Those characters can only occur inside
 * JSON strings, where the escape means the same character, so `JSON.parse` gives back exactly the
 * same data. U+2028 and U+2029 are escaped too, for readers that treat the text as JavaScript.
 */
export function serializeJsonLd(data: WithContext<Thing>): string {
  return JSON.stringify(data).replace(
    UNSAFE_IN_SCRIPT,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/* XML text and documents as the feeds and sitemaps write them: what XML allows, escaped for XML or HTML. */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

const CACHE_CONTROL = "public, max-age=300";

/** An XML document as a route handler's response: the type, UTF-8, a short public cache. */
export function xmlResponse(body: string, type: string): Response {
  return new Response(body, {
    headers: { "content-type": `${type}; charset=utf-8`, "cache-control": CACHE_CONTROL },
  });
}

/** Characters XML 1.0 does not allow anywhere, even escaped (C0 controls, lone surrogates, U+FFFE/F). */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHARACTER, "");
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// `&apos;` is XML's; HTML before HTML5 does not know it, so HTML gets the numeric form.
const HTML_ESCAPES: Record<string, string> = { ...XML_ESCAPES, "'": "&#39;" };

/** Text for an XML element or attribute value. Arabic passes through as it is (the file is UTF-8). */
export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
}

/**
 * Plain text as HTML. RSS `<description>` and the Atom `type="html"` title and summary (which the
 * `feed` package always writes) are read by feed readers as HTML, so a literal `<` or `&` in a
 * headline must reach them escaped to be shown as typed rather than read as markup.
 */
export function escapeHtml(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** W3C datetime (ISO 8601) in UTC to the second, e.g. `2022-01-12T05:00:00Z`. */
export function w3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

import type { XmlDocumentStart } from "./xml-stream";

/** The namespaces a WordPress export's fields live in, as this document declares them. */
export interface WxrNamespaces {
  /** `http://wordpress.org/export/1.2/`, or 1.1, 1.0, over http or https. */
  wp: string;
  excerpt: string;
  content: string;
  dc: string;
}

const WXR = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/;
const WXR_EXCERPT = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/;
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

export class NotAWordPressExportError extends Error {}

/**
 * The export's namespace URIs, read from the root's declarations whatever their prefixes: the
 * WordPress one differs between versions and between http and https. Throws when the document is
 * not an RSS file that declares one.
 */
export function wxrNamespaces({ root, namespaces }: XmlDocumentStart): WxrNamespaces {
  if (root.replace(/^.*:/, "") !== "rss")
    throw new NotAWordPressExportError(`the root element is <${root}>, not <rss>`);
  const uris = Object.values(namespaces);
  const wp = uris.find((uri) => WXR.test(uri));
  if (!wp) throw new NotAWordPressExportError("it declares no WordPress export namespace (wordpress.org/export/1.x/)");
  return {
    wp,
    excerpt: uris.find((uri) => WXR_EXCERPT.test(uri)) ?? `${wp}excerpt/`,
    content: CONTENT,
    dc: DUBLIN_CORE,
  };
}

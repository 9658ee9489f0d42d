/*
 * WordPress stores a classic-editor post without paragraph tags and adds them when it renders
 * (its wpautop filter): a blank line ends a paragraph, a single newline is a line break, and
 * block-level elements stand on their own. The import applies the same rule before parsing.
 */

const BLOCK_START =
  /^<(?:address|article|aside|blockquote|dd|div|dl|dt|figure|figcaption|h[1-6]|hr|li|ol|p|pre|section|table|tbody|td|th|thead|tr|ul|!--)\b/i;

/** True for a body written in the classic editor: no paragraph tags and no block comments. */
export function needsAutoParagraphs(html: string): boolean {
  return !/<p[\s>]/i.test(html) && !/<!--\s*wp:/.test(html);
}

export function autoParagraphs(html: string): string {
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

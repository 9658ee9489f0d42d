/*
 * The shortcodes news posts carry, turned into the HTML WordPress would render for them before the
 * body is parsed: `[caption]` into a figure with its caption, `[gallery ids="…"]` into a marker the
 * converter fills with the attachments' images, `[embed]URL[/embed]` into an embed marker. Any other
 * shortcode stays as the text it is, and is named in the report.
 */

const CAPTION = /\[(caption|wp_caption)\b[^\]]*\]([\s\S]*?)\[\/\1\]/gi;
const GALLERY = /\[gallery\b([^\]]*)\]/gi;
const EMBED = /\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/gi;
// A shortcode name is a letter then letters, digits, - or _; `[1]` and `[…]` in prose are not shortcodes.
const ANY_SHORTCODE = /\[\/?([a-z][a-z0-9_-]*)\b[^\]\n]*\]/gi;
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s\\]]+))`, "i");

export interface ShortcodeResult {
  html: string;
  /** Names of the shortcodes left as text. */
  unconverted: string[];
}

export function shortcodeAttribute(attributes: string, name: string): string | null {
  const match = ATTRIBUTE(name).exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : null;
}

/** The caption's image is its first `<img>` (often inside a link); the text after it is the caption. */
function captionFigure(inner: string): string {
  const image = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i.exec(inner);
  if (!image) return inner;
  const caption = inner.slice(image[0].length).trim();
  return `<figure>${image[1]}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
}

export function convertShortcodes(html: string): ShortcodeResult {
  const converted = html
    .replace(CAPTION, (_, _name: string, inner: string) => captionFigure(inner))
    .replace(GALLERY, (_, attributes: string) => {
      const ids = (shortcodeAttribute(attributes, "ids") ?? "").replace(/[^\d,]/g, "");
      return `<figure data-wxr-gallery="${ids}"></figure>`;
    })
    .replace(EMBED, (_, url: string) => `<figure data-wxr-embed="${url.trim().replace(/"/g, "&quot;")}"></figure>`);
  const unconverted = new Set<string>();
  for (const match of converted.matchAll(ANY_SHORTCODE)) unconverted.add(match[1].toLowerCase());
  return { html: converted, unconverted: [...unconverted] };
}

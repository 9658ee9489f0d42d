/*
 * Reads the server-rendered forms of the portal's pages and sends them back as a browser without
 * JavaScript does (multipart/form-data, the form's own hidden fields included).
 *
 * No HTML parser is a dependency of the project, so the markup is read with regular expressions.
 * That is sound only because every page is rendered by React's server renderer, whose output is
 * strictly regular: attribute values are always double-quoted with `&`, `<`, `>`, `"` and `'`
 * escaped as entities (so a tag ends at the first `>`), forms never nest, and the RSC payload in
 * the page's <script> elements escapes `<` as `\u003c`, so no `<form` or `<input` appears in it.
 * It is not meant for hand-written HTML.
 */

export interface FormControl {
  name: string;
  /** `input` types as written (`hidden`, `text`, …); `textarea` for a text area. */
  type: string;
  value: string;
}

export interface HtmlForm {
  /** The `action` attribute as written; null when absent. An empty one means the page itself. */
  action: string | null;
  /** The form's named controls in document order, with their server-rendered values. */
  controls: FormControl[];
  /** The form's markup, its own tag included, for callers that pick a form by what it contains. */
  markup: string;
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.$]*)(?:="([^"]*)")?/g)) {
    found.set(match[1].toLowerCase(), decodeEntities(match[2] ?? ""));
  }
  return found;
}

function controlsOf(markup: string): FormControl[] {
  const controls: FormControl[] = [];
  for (const match of markup.matchAll(/<(input|textarea)\b([^>]*)>(?:([^<]*)<\/textarea>)?/g)) {
    const attrs = attributes(match[2]);
    const name = attrs.get("name");
    if (!name) continue;
    const isTextarea = match[1] === "textarea";
    controls.push({
      name,
      type: isTextarea ? "textarea" : (attrs.get("type") ?? "text"),
      value: isTextarea ? decodeEntities(match[3] ?? "") : (attrs.get("value") ?? ""),
    });
  }
  return controls;
}

function findForms(html: string): HtmlForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((match) => ({
    action: attributes(match[1]).get("action") ?? null,
    controls: controlsOf(match[2]),
    markup: match[0],
  }));
}

/** The one form whose markup contains `marker` (a class name, a button label…); throws otherwise. */
export function findFormContaining(html: string, marker: string, page: string): HtmlForm {
  const forms = findForms(html).filter((form) => form.markup.includes(marker));
  if (forms.length !== 1)
    throw new Error(`${page}: expected one form containing ${JSON.stringify(marker)}, found ${forms.length}`);
  return forms[0];
}

/** Where a browser sends the form: its action resolved against the page, the page itself when empty. */
export function formActionUrl(form: HtmlForm, pageUrl: string): string {
  return new URL(form.action || pageUrl, pageUrl).toString();
}

/** Server Actions' hidden fields (`$ACTION_REF_…`, `$ACTION_…:n`, `$ACTION_KEY`), which React renders first in the form. */
export const isActionField = (name: string) => name.startsWith("$ACTION_");

const BOUNDARY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** The field name as the HTML standard escapes it in a multipart header. */
const escapeName = (name: string) => name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/**
 * multipart/form-data as Chromium sends a form: a WebKit-style boundary, one part per field with
 * no Content-Type of its own, line breaks in values normalised to CRLF.
 */
export function multipartBody(fields: readonly (readonly [string, string])[]): { body: Buffer; contentType: string } {
  let boundary = "----WebKitFormBoundary";
  for (let i = 0; i < 16; i += 1) boundary += BOUNDARY_ALPHABET[Math.floor(Math.random() * BOUNDARY_ALPHABET.length)];
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value.replace(/\r\n|\r|\n/g, "\r\n")}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8"),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The text of each `<p>` with the given class in the page (form answers, notices). */
export function paragraphsWithClass(html: string, className: string): string[] {
  const texts: string[] = [];
  for (const match of html.matchAll(/<p\b([^>]*)>([^<]*)<\/p>/g)) {
    const classes = (attributes(match[1]).get("class") ?? "").split(/\s+/);
    if (classes.includes(className)) texts.push(decodeEntities(match[2]));
  }
  return texts;
}

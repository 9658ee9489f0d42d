import type { Image, Nodes, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import {
  articleBodySchema,
  imageSrcSchema,
  inlinePlainText,
  linkHrefSchema,
  type ArticleBlock,
  type ArticleBody,
  type EmphasisInline,
  type ImageBlock,
  type Inline,
  type ParagraphBlock,
  type StrongInline,
} from "./document";

/*
 * Editors write bodies in a small Markdown subset; the site stores the block document of
 * lib/articles/body/document.ts. Markdown is only the editing surface: raw HTML is kept as the text the editor
 * typed, never as markup, and a construct the subset lacks (code, tables, nested lists, rules…) is
 * kept as the text it was typed as, so saving never silently loses words.
 *
 * Round trip: `bodyToMarkdown` escapes text so that `markdownToBody` reads back the same document
 * for every document `markdownToBody` produces (its canonical form: plain-text paragraphs as `text`,
 * adjacent text merged, bold-italic as emphasis around strong…).
 */

export class BodyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BodyFormatError";
  }
}

export function markdownToBody(markdown: string): ArticleBody {
  let body = readMarkdown(markdown);
  // Markdown cannot say every arrangement a first reading can produce (the bold label of a refused
  // link glued to a word, long runs of `*`). Reading our own output until it settles means what is
  // saved is exactly what the editor gets back the next time the article is opened.
  for (let pass = 0; pass < 3; pass++) {
    const again = readMarkdown(bodyToMarkdown(body));
    if (JSON.stringify(again) === JSON.stringify(body)) break;
    body = again;
  }
  return body;
}

function readMarkdown(markdown: string): ArticleBody {
  // Positions index this normalised text, which is how unsupported constructs keep their source.
  const source = markdown.replace(/\r\n?/g, "\n");
  const blocks = fromMarkdown(source).children.flatMap((node) => readBlock(node, source));
  if (blocks.length === 0)
    throw new BodyFormatError("The article body is empty: an article needs at least one paragraph.");
  return articleBodySchema.parse({ version: 1, blocks });
}

function readBlock(node: RootContent, source: string): ArticleBlock[] {
  switch (node.type) {
    case "paragraph": {
      const image =
        node.children.length === 1 && node.children[0].type === "image" ? readImage(node.children[0]) : null;
      return image ? [image] : paragraph(readInline(node.children, source));
    }
    case "heading": {
      const content = readInline(node.children, source);
      if (hasWords(content)) return [{ type: "heading", level: node.depth <= 2 ? 2 : 3, content }];
      break;
    }
    case "blockquote": {
      const children = node.children;
      if (children.every((child) => child.type === "paragraph")) {
        const paragraphs = children.flatMap((child) => paragraph(readInline(child.children, source)));
        if (paragraphs.length > 0) return [{ type: "quote", paragraphs }];
      }
      break;
    }
    case "list": {
      // An item of anything but one paragraph (a nested list, a second paragraph, code) makes the
      // whole list unsupported. The number an ordered list starts at is not kept.
      const items = node.children.map((item) => {
        const only = item.children.length === 1 ? item.children[0] : null;
        return only?.type === "paragraph" ? readInline(only.children, source) : [];
      });
      if (items.every(hasWords)) return [{ type: "list", ordered: node.ordered === true, items }];
      break;
    }
  }
  return sourceParagraphs(node, source);
}

function readImage(node: Image): ImageBlock | null {
  const src = imageSrcSchema.safeParse(node.url);
  if (!src.success) return null;
  const caption = oneLine(node.title ?? "").trim();
  return { type: "image", src: src.data, alt: oneLine(node.alt ?? ""), ...(caption ? { caption } : {}) };
}

function paragraph(content: Inline[]): ParagraphBlock[] {
  if (!hasWords(content)) return [];
  if (content.length === 1 && content[0].type === "text") return [{ type: "paragraph", text: content[0].text.trim() }];
  return [{ type: "paragraph", content }];
}

function hasWords(content: readonly Inline[]): boolean {
  return inlinePlainText(content).trim().length > 0;
}

/** An unsupported block as the text it was typed as, one paragraph per blank-line-separated part. */
function sourceParagraphs(node: Nodes, source: string): ArticleBlock[] {
  return sourceOf(node, source)
    .split(/\n[ \t]*\n/)
    .map((part) => oneLine(part).trim())
    .filter((text) => text.length > 0)
    .map((text) => ({ type: "paragraph", text }));
}

function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

// A single newline (or hard break) inside a paragraph becomes a space, as a browser shows it.
function oneLine(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, " ");
}

function readInline(nodes: readonly PhrasingContent[], source: string): Inline[] {
  return tidy(nodes.flatMap((node) => readPhrasing(node, source)));
}

function readPhrasing(node: PhrasingContent, source: string): Inline[] {
  switch (node.type) {
    case "text":
      return [{ type: "text", text: oneLine(node.value) }];
    case "break":
      return [{ type: "text", text: " " }];
    case "emphasis":
    case "strong":
      return [{ type: node.type, content: readInline(node.children, source) }];
    case "link": {
      const label = readInline(node.children, source);
      const href = linkHrefSchema.safeParse(node.url);
      // A refused scheme (javascript:, data:, a relative path…) keeps only what the reader would see.
      if (!href.success) return label;
      return [
        { type: "link", href: href.data, content: hasWords(label) ? label : [{ type: "text", text: href.data }] },
      ];
    }
    case "html":
      return [{ type: "text", text: oneLine(node.value) }];
    default:
      // Inline code, references, an image inside text or with a refused src: the typed source.
      return [{ type: "text", text: oneLine(sourceOf(node, source)) }];
  }
}

type Marks = { link: boolean; emphasis: boolean; strong: boolean };
const NO_MARKS: Marks = { link: false, emphasis: false, strong: false };

/**
 * The canonical shape of inline content, the one Markdown can say back unambiguously: no empty or
 * adjacent text, no emphasis inside emphasis (or strong in strong, link in link), adjacent
 * emphasis (or strong) merged, and bold-italic as emphasis around strong, as `***x***` parses.
 */
function tidy(content: readonly Inline[], within: Marks = NO_MARKS): Inline[] {
  const flat = content.flatMap((inline): Inline[] => {
    if (inline.type === "text") return inline.text ? [inline] : [];
    if (within[inline.type]) return tidy(inline.content, within);
    const inner = tidy(inline.content, { ...within, [inline.type]: true });
    if (inner.length === 0) return [];
    if (inline.type === "link") return [{ ...inline, content: inner }];
    if (inline.type === "strong" && inner.length === 1 && inner[0].type === "emphasis") {
      return [{ type: "emphasis", content: [{ type: "strong", content: inner[0].content }] }];
    }
    return moveEdgeSpacesOut({ type: inline.type, content: inner });
  });
  const merged: Inline[] = [];
  for (const inline of flat) {
    const last = merged.at(-1);
    if (last?.type === "text" && inline.type === "text") {
      merged[merged.length - 1] = { type: "text", text: last.text + inline.text };
    } else if ((last?.type === "emphasis" || last?.type === "strong") && inline.type === last.type) {
      merged.splice(-1, 1, ...tidy([{ type: last.type, content: [...last.content, ...inline.content] }], within));
    } else {
      merged.push(inline);
    }
  }
  return merged;
}

/** `** x**` is not bold in Markdown: spaces at the edges of emphasis go outside it. */
function moveEdgeSpacesOut(inline: EmphasisInline | StrongInline): Inline[] {
  const text = (value: string): Inline[] => (value ? [{ type: "text", text: value }] : []);
  const content = [...inline.content];
  let lead = "";
  let trail = "";
  const first = content[0];
  if (first.type === "text") {
    lead = /^\s*/.exec(first.text)?.[0] ?? "";
    content.splice(0, 1, ...text(first.text.slice(lead.length)));
  }
  const last = content.at(-1);
  if (last?.type === "text") {
    trail = /\s*$/.exec(last.text)?.[0] ?? "";
    content.splice(-1, 1, ...text(last.text.slice(0, last.text.length - trail.length)));
  }
  if (!lead && !trail) return [inline];
  return [...text(lead), ...(content.length > 0 ? [{ type: inline.type, content }] : []), ...text(trail)];
}

export function bodyToMarkdown(body: ArticleBody): string {
  const parts: string[] = [];
  let previousBullet = "";
  for (const block of body.blocks) {
    let bullet = "";
    if (block.type === "list") {
      // Two lists in a row with the same marker would read back as one list: alternate it.
      const [usual, other] = block.ordered ? [".", ")"] : ["-", "*"];
      bullet = previousBullet === usual ? other : usual;
    }
    parts.push(writeBlock(block, bullet));
    previousBullet = bullet;
  }
  return parts.join("\n\n");
}

function writeBlock(block: ArticleBlock, bullet: string): string {
  switch (block.type) {
    case "paragraph":
      return guardLineStart(writeInline(paragraphContent(block)));
    case "heading":
      return `${"#".repeat(block.level)} ${writeInline(block.content, true)}`;
    case "quote":
      return block.paragraphs.map((p) => `> ${guardLineStart(writeInline(paragraphContent(p)))}`).join("\n>\n");
    case "list":
      return block.items
        .map(
          (item, index) => `${block.ordered ? `${index + 1}${bullet}` : bullet} ${guardLineStart(writeInline(item))}`,
        )
        .join("\n");
    case "image": {
      const caption = block.caption ? ` "${escapeEntities(oneLine(block.caption).replace(/[\\"]/g, "\\$&"))}"` : "";
      return `![${escapeText(block.alt)}](${destination(block.src)}${caption})`;
    }
  }
}

function paragraphContent(paragraph: ParagraphBlock): Inline[] {
  return "text" in paragraph ? [{ type: "text", text: paragraph.text }] : paragraph.content;
}

/** In a heading every `#` is escaped, or a trailing ` #` would be read as a closing sequence. */
function writeInline(content: readonly Inline[], inHeading = false): string {
  return content
    .map((inline, index) => {
      switch (inline.type) {
        case "text": {
          const text = escapeText(inline.text, inHeading);
          // `!` right before a link's `[` would turn the link into an image.
          return content[index + 1]?.type === "link" && text.endsWith("!") ? `${text.slice(0, -1)}\\!` : text;
        }
        case "emphasis":
          return `*${writeInline(inline.content, inHeading)}*`;
        case "strong":
          return `**${writeInline(inline.content, inHeading)}**`;
        case "link":
          return `[${writeInline(inline.content, inHeading)}](${destination(inline.href)})`;
      }
    })
    .join("");
}

/**
 * Backslash-escapes what Markdown would read as markup: delimiters, brackets, `<` that could open
 * HTML or an autolink, and `&` that would start a character reference. Arabic text and punctuation
 * (“ ” « » … ، ؛ ؟) need no escaping and are left exactly as they are.
 */
function escapeText(text: string, inHeading = false): string {
  const escaped = escapeEntities(
    oneLine(text)
      .replace(/[\\`*_[\]]/g, "\\$&")
      .replace(/<(?!\s)/g, "\\<"),
  );
  return inHeading ? escaped.replace(/#/g, "\\#") : escaped;
}

function escapeEntities(text: string): string {
  return text.replace(/&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g, "\\&");
}

/** Text at the start of a block that Markdown would read as a heading, quote, list, rule or fence. */
function guardLineStart(markdown: string): string {
  if (/^(?:#{1,6}(?:[ \t]|$)|>|[-+](?:[ \t]|$)|(?:-[ \t]*){3,}$|~{3})/.test(markdown)) return `\\${markdown}`;
  return markdown.replace(/^(\d{1,9})(?=[.)](?:[ \t]|$))/, "$1\\");
}

function destination(url: string): string {
  const escaped = escapeEntities(url.replace(/[\\<>]/g, "\\$&"));
  return /^[^\s()<>\\]*$/.test(url) ? escaped : `<${escaped}>`;
}

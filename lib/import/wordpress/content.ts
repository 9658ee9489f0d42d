import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import {
  articleBodySchema,
  containsLink,
  imageSrcSchema,
  linkHrefSchema,
  type ArticleBlock,
  type ArticleBody,
  type Inline,
  type ParagraphBlock,
} from "../../articles/body/document";
import { convertShortcodes } from "./shortcodes";
import { autoParagraphs, needsAutoParagraphs } from "./wpautop";

/*
 * `content:encoded` into the article's body document, never stored HTML. Classic posts get
 * WordPress's paragraph rule, shortcodes their rendered form; the HTML (block-editor comments
 * included, which are only comments to a parser) is read by parse5 through hast, and each element
 * becomes a block or inline content. Nothing of the markup survives but text, links, emphasis,
 * headings, lists, quotes and images: scripts, frames, styles and event handlers never reach a page.
 * What could not be kept as it was is named in `notes`, for the import's report.
 */

export interface AttachmentImage {
  url: string;
  alt: string;
  caption: string;
}

export interface ContentContext {
  /** Relative links and images resolve against the old site. */
  siteUrl: string;
  /** Gallery ids to their images. */
  attachment(id: string): AttachmentImage | undefined;
}

export interface ConvertedContent {
  body: ArticleBody;
  notes: string[];
}

const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "svg",
  "math",
  "canvas",
  "map",
  "head",
  "link",
  "meta",
]);
const HEADINGS: Record<string, 2 | 3> = { h1: 2, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };
const INLINE_CONTAINERS = new Set([
  "span",
  "u",
  "small",
  "big",
  "sub",
  "sup",
  "abbr",
  "cite",
  "code",
  "kbd",
  "mark",
  "q",
  "s",
  "del",
  "ins",
  "time",
  "font",
  "bdi",
  "bdo",
  "label",
]);

/** What stands for a body left with no block (a document holds at least one). */
export const EMPTY_BODY_PLACEHOLDER: ArticleBlock = { type: "paragraph", text: "—" };

export function convertContent(html: string, context: ContentContext): ConvertedContent {
  const notes = new Set<string>();
  const shortcodes = convertShortcodes(needsAutoParagraphs(html) ? autoParagraphs(html) : html);
  for (const name of shortcodes.unconverted) notes.add(`shortcode [${name}] kept as text`);
  const tree: Root = fromHtml(shortcodes.html, { fragment: true });
  const converter = new Converter(context, notes);
  const blocks = converter.blocks(tree.children);
  if (blocks.length === 0) {
    notes.add("empty body: a placeholder paragraph was written");
    blocks.push(EMPTY_BODY_PLACEHOLDER);
  }
  return { body: articleBodySchema.parse({ version: 1, blocks }), notes: [...notes] };
}

class Converter {
  constructor(
    private readonly context: ContentContext,
    private readonly notes: Set<string>,
  ) {}

  blocks(nodes: readonly (RootContent | ElementContent)[]): ArticleBlock[] {
    const blocks: ArticleBlock[] = [];
    let loose: (RootContent | ElementContent)[] = [];
    const flushLoose = () => {
      const paragraph = this.paragraph(loose);
      if (paragraph) blocks.push(paragraph);
      loose = [];
    };
    for (const node of nodes) {
      if (node.type === "element" && this.isBlock(node)) {
        flushLoose();
        blocks.push(...this.block(node));
      } else if (node.type === "text" || node.type === "element") {
        loose.push(node);
      }
    }
    flushLoose();
    return blocks;
  }

  private isBlock(element: Element): boolean {
    return !(INLINE_CONTAINERS.has(element.tagName) || ["a", "em", "i", "strong", "b", "br"].includes(element.tagName));
  }

  private block(element: Element): ArticleBlock[] {
    const tag = element.tagName;
    if (DROPPED.has(tag)) {
      this.notes.add(`<${tag}> removed`);
      return [];
    }
    if (tag === "p") return optional(this.paragraph(element.children));
    if (tag in HEADINGS) {
      const content = this.inline(element.children);
      return content.length ? [{ type: "heading", level: HEADINGS[tag], content }] : [];
    }
    if (tag === "ul" || tag === "ol") return this.list(element, tag === "ol");
    if (tag === "blockquote") return this.quote(element);
    if (tag === "figure") return this.figure(element);
    if (tag === "img") return optional(this.image(element, ""));
    if (tag === "iframe" || tag === "video" || tag === "audio") return optional(this.embedLink(element));
    if (tag === "hr") {
      this.notes.add("separator (<hr>) dropped");
      return [];
    }
    if (tag === "table") {
      this.notes.add("table kept as one paragraph per row");
      return this.tableRows(element);
    }
    if (tag === "pre") return optional(this.paragraph([{ type: "text", value: textOf(element) }]));
    // div, section, article, figcaption outside a figure…: their content, block by block.
    return this.blocks(element.children);
  }

  private paragraph(nodes: readonly (RootContent | ElementContent)[]): ParagraphBlock | null {
    const content = this.inline(nodes);
    if (content.length === 0) return null;
    return content.every((inline) => inline.type === "text")
      ? { type: "paragraph", text: content.map((inline) => (inline as { text: string }).text).join("") }
      : { type: "paragraph", content };
  }

  /** Inline content, adjacent texts merged, white space collapsed, trimmed at both ends. */
  inline(nodes: readonly (RootContent | ElementContent)[]): Inline[] {
    const raw = this.inlineRaw(nodes);
    return trimInline(mergeTexts(raw));
  }

  private inlineRaw(nodes: readonly (RootContent | ElementContent)[]): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === "text") out.push({ type: "text", text: node.value.replace(/\s+/g, " ") });
      if (node.type !== "element") continue;
      const tag = node.tagName;
      if (tag === "br") out.push({ type: "text", text: " " });
      else if (DROPPED.has(tag)) this.notes.add(`<${tag}> removed`);
      else if (tag === "a") out.push(...this.link(node));
      else if (tag === "em" || tag === "i") wrap(out, "emphasis", this.inline(node.children));
      else if (tag === "strong" || tag === "b") wrap(out, "strong", this.inline(node.children));
      else if (tag === "img") {
        const alt = String(node.properties.alt ?? "").trim();
        this.notes.add("an image inside a paragraph kept as its alt text");
        if (alt) out.push({ type: "text", text: alt });
      } else out.push(...this.inlineRaw(node.children));
    }
    return out;
  }

  private link(element: Element): Inline[] {
    const content = this.inline(element.children);
    const href = this.url(String(element.properties.href ?? ""), linkHrefSchema);
    if (!href) {
      if (element.properties.href) this.notes.add("a link with an unsafe or malformed address kept as text");
      return content;
    }
    if (content.some(containsLink)) return content;
    return [{ type: "link", href, content: content.length ? content : [{ type: "text", text: href }] }];
  }

  private list(element: Element, ordered: boolean): ArticleBlock[] {
    const items: Inline[][] = [];
    for (const item of element.children) {
      if (item.type !== "element" || item.tagName !== "li") continue;
      const nested = item.children.filter(
        (node): node is Element => node.type === "element" && (node.tagName === "ul" || node.tagName === "ol"),
      );
      const own = this.inline(item.children.filter((node) => !nested.includes(node as Element)));
      if (own.length) items.push(own);
      for (const list of nested) {
        this.notes.add("nested list flattened");
        for (const block of this.list(list, ordered)) if (block.type === "list") items.push(...block.items);
      }
    }
    return items.length ? [{ type: "list", ordered, items }] : [];
  }

  private quote(element: Element): ArticleBlock[] {
    const paragraphs = this.blocks(element.children).flatMap((block): ParagraphBlock[] => {
      if (block.type === "paragraph") return [block];
      if (block.type === "heading") return [{ type: "paragraph", content: block.content }];
      if (block.type === "list") return block.items.map((content) => ({ type: "paragraph", content }));
      if (block.type === "quote") return block.paragraphs;
      this.notes.add("an image inside a quote kept as its caption");
      return block.caption ? [{ type: "paragraph", text: block.caption }] : [];
    });
    return paragraphs.length ? [{ type: "quote", paragraphs }] : [];
  }

  private figure(element: Element): ArticleBlock[] {
    const gallery = element.properties.dataWxrGallery;
    if (gallery !== undefined) return this.gallery(String(gallery));
    const embed = element.properties.dataWxrEmbed;
    if (embed !== undefined) return optional(this.embedUrl(String(embed)));
    const caption = findElement(element, (node) => node.tagName === "figcaption");
    const captionText = caption ? textOf(caption).replace(/\s+/g, " ").trim() : "";
    const image = findElement(element, (node) => node.tagName === "img");
    if (image) return optional(this.image(image, captionText));
    // A block-editor embed: the address is the figure's text.
    if (String(element.properties.className ?? "").includes("wp-block-embed"))
      return optional(this.embedUrl(textOf(element).trim()));
    return this.blocks(element.children);
  }

  private image(element: Element, caption: string): ArticleBlock | null {
    const src = this.url(String(element.properties.src ?? ""), imageSrcSchema);
    if (!src) {
      this.notes.add("an image with an unsafe or malformed address dropped");
      return null;
    }
    const alt = String(element.properties.alt ?? "").trim();
    return { type: "image", src, alt, ...(caption ? { caption } : {}) };
  }

  private gallery(ids: string): ArticleBlock[] {
    const images = ids
      .split(",")
      .filter(Boolean)
      .map((id) => ({ id, image: this.context.attachment(id) }));
    for (const { id, image } of images) if (!image) this.notes.add(`gallery image ${id} not in the export`);
    this.notes.add("gallery kept as one image after another");
    return images.flatMap(({ image }) =>
      image
        ? optional(
            this.image(
              { type: "element", tagName: "img", properties: { src: image.url, alt: image.alt }, children: [] },
              image.caption,
            ),
          )
        : [],
    );
  }

  private embedLink(element: Element): ArticleBlock | null {
    const source = findElement(element, (node) => node.tagName === "source");
    return this.embedUrl(String(element.properties.src ?? source?.properties.src ?? ""));
  }

  /** An embedded player or post becomes a link to it: nothing loads from the third party. */
  private embedUrl(address: string): ArticleBlock | null {
    const href = this.url(address, linkHrefSchema);
    if (!href) {
      this.notes.add("an embed without a usable address dropped");
      return null;
    }
    this.notes.add("embed kept as a link");
    return { type: "paragraph", content: [{ type: "link", href, content: [{ type: "text", text: href }] }] };
  }

  private tableRows(table: Element): ArticleBlock[] {
    const rows: ArticleBlock[] = [];
    visit(table, (node) => {
      if (node.tagName !== "tr") return false;
      const cells = node.children
        .filter((cell): cell is Element => cell.type === "element" && (cell.tagName === "td" || cell.tagName === "th"))
        .map((cell) => textOf(cell).replace(/\s+/g, " ").trim())
        .filter(Boolean);
      if (cells.length) rows.push({ type: "paragraph", text: cells.join(" | ") });
      return true;
    });
    return rows;
  }

  /** The address resolved against the old site, if the body document accepts it. */
  private url(address: string, schema: typeof linkHrefSchema | typeof imageSrcSchema): string | null {
    const trimmed = address.trim();
    if (!trimmed) return null;
    let absolute: string;
    try {
      absolute = /^mailto:/i.test(trimmed) ? trimmed : new URL(trimmed, this.context.siteUrl).href;
    } catch {
      return null;
    }
    return schema.safeParse(absolute).success ? absolute : null;
  }
}

const optional = <T>(value: T | null): T[] => (value === null ? [] : [value]);

function wrap(out: Inline[], type: "emphasis" | "strong", content: Inline[]): void {
  if (content.length) out.push({ type, content });
}

function mergeTexts(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.type === "text" && last?.type === "text")
      out[out.length - 1] = { type: "text", text: last.text + inline.text };
    else out.push(inline);
  }
  return out.map((inline) =>
    inline.type === "text" ? { ...inline, text: inline.text.replace(/ {2,}/g, " ") } : inline,
  );
}

/** Leading and trailing spaces dropped, and texts left empty by it. */
function trimInline(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const first = out[0];
  if (first?.type === "text") out[0] = { type: "text", text: first.text.trimStart() };
  const last = out.at(-1);
  if (last?.type === "text") out[out.length - 1] = { type: "text", text: last.text.trimEnd() };
  return out.filter((inline) => inline.type !== "text" || inline.text.length > 0);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element" || DROPPED.has(node.tagName)) return "";
  if (node.tagName === "br") return "\n";
  return node.children.map(textOf).join("");
}

function findElement(root: Element, matches: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(root, (node) => {
    if (found || !matches(node)) return false;
    found = node;
    return true;
  });
  return found;
}

/** Depth first; `enter` returning true skips the element's children. */
function visit(root: Element, enter: (element: Element) => boolean): void {
  for (const node of root.children) {
    if (node.type !== "element") continue;
    if (!enter(node)) visit(node, enter);
  }
}

import { z } from "zod";
import { truncateAtWord } from "../../format";

/**
 * An article body is a versioned JSON document of typed blocks, never HTML: the reader pages
 * render each block as React elements, so nothing an author or an import writes can inject markup.
 * Version 1 began with plain-text paragraphs only; the later block kinds and inline content are
 * additions to the same version, so every document stored before them stays valid as it is.
 */

/** Inline content: plain text, links, emphasis and strong, nothing else. */
export type TextInline = { type: "text"; text: string };
export type LinkInline = { type: "link"; href: string; content: Inline[] };
export type EmphasisInline = { type: "emphasis"; content: Inline[] };
export type StrongInline = { type: "strong"; content: Inline[] };
export type Inline = TextInline | LinkInline | EmphasisInline | StrongInline;

/** A plain `text` paragraph is the original (and still the usual) shape; `content` is for markup. */
export type PlainParagraphBlock = { type: "paragraph"; text: string };
export type RichParagraphBlock = { type: "paragraph"; content: Inline[] };
export type ParagraphBlock = PlainParagraphBlock | RichParagraphBlock;
/** Level 1 is the headline, so the body starts at 2. */
export type HeadingBlock = { type: "heading"; level: 2 | 3; content: Inline[] };
export type QuoteBlock = { type: "quote"; paragraphs: ParagraphBlock[] };
/** Items are inline content: lists do not nest. */
export type ListBlock = { type: "list"; ordered: boolean; items: Inline[][] };
export type ImageBlock = { type: "image"; src: string; alt: string; caption?: string };
export type ArticleBlock = ParagraphBlock | HeadingBlock | QuoteBlock | ListBlock | ImageBlock;
export type ArticleBody = { version: 1; blocks: ArticleBlock[] };

/*
 * The schemes are enforced here rather than only in the Markdown converter so that a document
 * written any other way (an import, a hand-edited row) cannot carry a `javascript:` or `data:` URL.
 * `z.regexes.httpProtocol` also makes zod insist on `://`, refusing `http:example.com`.
 */
const httpUrl = z.url({ protocol: z.regexes.httpProtocol });
export const linkHrefSchema = z.union([httpUrl, z.url({ protocol: /^mailto$/ })]);
/** A site path, not `//host` (scheme-relative) nor `/\host`, which browsers also read as a host. */
const sitePath = z.string().regex(/^\/(?![/\\])[^\s\\]*$/, "expected a site path starting with a single /");
export const imageSrcSchema = z.union([httpUrl, sitePath]);

const inlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion("type", [textInline, linkInline, emphasisInline, strongInline]),
);
const inlineContent = z.array(inlineSchema).min(1);
const textInline = z.object({ type: z.literal("text"), text: z.string().min(1) });
const linkInline = z
  .object({ type: z.literal("link"), href: linkHrefSchema, content: inlineContent })
  .refine((link) => !link.content.some(containsLink), "a link cannot contain another link");
const emphasisInline = z.object({ type: z.literal("emphasis"), content: inlineContent });
const strongInline = z.object({ type: z.literal("strong"), content: inlineContent });

/** Whether the inline content is or holds a link (links do not nest). */
export function containsLink(inline: Inline): boolean {
  return inline.type === "link" || (inline.type !== "text" && inline.content.some(containsLink));
}

const paragraphBlock = z.union([
  z.object({ type: z.literal("paragraph"), text: z.string().trim().min(1) }),
  z.object({ type: z.literal("paragraph"), content: inlineContent }),
]);
const headingBlock = z.object({
  type: z.literal("heading"),
  level: z.literal([2, 3]),
  content: inlineContent,
});
const quoteBlock = z.object({ type: z.literal("quote"), paragraphs: z.array(paragraphBlock).min(1) });
const listBlock = z.object({
  type: z.literal("list"),
  ordered: z.boolean(),
  items: z.array(inlineContent).min(1),
});
const imageBlock = z.object({
  type: z.literal("image"),
  src: imageSrcSchema,
  alt: z.string(),
  caption: z.string().trim().min(1).optional(),
});

// The two paragraph shapes share one discriminator value, so the union picks "paragraph" first and
// the pipe then tells the shapes apart: errors still name the block's own fields, not "Invalid input".
export const articleBlockSchema: z.ZodType<ArticleBlock> = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("paragraph") }).pipe(paragraphBlock),
  headingBlock,
  quoteBlock,
  listBlock,
  imageBlock,
]);
export const articleBodySchema: z.ZodType<ArticleBody> = z.object({
  version: z.literal(1),
  blocks: z.array(articleBlockSchema).min(1),
});

export function bodyFromParagraphs(paragraphs: readonly string[]): ArticleBody {
  return articleBodySchema.parse({
    version: 1,
    blocks: paragraphs.map((text) => ({ type: "paragraph", text })),
  });
}

export function serializeArticleBody(body: ArticleBody): string {
  return JSON.stringify(articleBodySchema.parse(body));
}

export function parseArticleBody(stored: string): ArticleBody {
  return articleBodySchema.parse(JSON.parse(stored));
}

export function inlinePlainText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.type === "text" ? inline.text : inlinePlainText(inline.content))).join("");
}

export function paragraphPlainText(paragraph: ParagraphBlock): string {
  return "text" in paragraph ? paragraph.text : inlinePlainText(paragraph.content);
}

/**
 * The words a reader sees in a block, markup removed; the parts of quotes and lists on separate
 * lines. An image's text is its caption, or its alt text when it has none.
 */
export function blockPlainText(block: ArticleBlock): string {
  switch (block.type) {
    case "paragraph":
      return paragraphPlainText(block);
    case "heading":
      return inlinePlainText(block.content);
    case "quote":
      return block.paragraphs.map(paragraphPlainText).join("\n");
    case "list":
      return block.items.map(inlinePlainText).join("\n");
    case "image":
      return block.caption ?? block.alt;
  }
}

/** The opening of the body, cut at a word boundary, for cards and descriptions. */
export function bodyExcerpt(body: ArticleBody, maxLength = 220): string {
  const first = body.blocks.find((block) => block.type === "paragraph");
  return truncateAtWord(first ? paragraphPlainText(first) : "", maxLength);
}

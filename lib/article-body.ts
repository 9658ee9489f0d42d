import { z } from "zod";
import { truncateAtWord } from "./format";

/**
 * An article body is a versioned JSON document of typed blocks, never HTML: the reader pages
 * render each block as React elements, so nothing an author or an import writes can inject markup.
 * New block types (headings, quotes, lists, images) extend the union.
 */
const paragraphBlock = z.object({
  type: z.literal("paragraph"),
  text: z.string().trim().min(1),
});

export const articleBlockSchema = z.discriminatedUnion("type", [paragraphBlock]);
export const articleBodySchema = z.object({
  version: z.literal(1),
  blocks: z.array(articleBlockSchema).min(1),
});

export type ArticleBlock = z.infer<typeof articleBlockSchema>;
export type ArticleBody = z.infer<typeof articleBodySchema>;

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

/** The opening of the body, cut at a word boundary, for cards and descriptions. */
export function bodyExcerpt(body: ArticleBody, maxLength = 220): string {
  const first = body.blocks.find((block) => block.type === "paragraph")?.text ?? "";
  return truncateAtWord(first, maxLength);
}

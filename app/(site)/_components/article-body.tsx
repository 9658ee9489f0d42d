import type { ReactNode } from "react";
import type {
  ArticleBlock,
  ArticleBody as ArticleBodyDocument,
  Inline,
  ParagraphBlock,
} from "@/lib/articles/body/document";
import { ResponsiveImg } from "./responsive-img";

/**
 * Renders the structured body as elements: text is always text, never markup. Link and image URLs
 * reach here already limited to http(s), mailto: and site paths by the body's schema.
 */
export function ArticleBody({ body }: { body: ArticleBodyDocument }) {
  return (
    <div className="article-body" data-testid="article-body">
      {body.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </div>
  );
}

function Block({ block }: { block: ArticleBlock }) {
  switch (block.type) {
    case "paragraph":
      return <Paragraph paragraph={block} />;
    case "heading": {
      const Heading = block.level === 2 ? "h2" : "h3";
      return <Heading>{inlines(block.content)}</Heading>;
    }
    case "quote":
      return (
        <blockquote>
          {block.paragraphs.map((paragraph, index) => (
            <Paragraph key={index} paragraph={paragraph} />
          ))}
        </blockquote>
      );
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return (
        <List>
          {block.items.map((item, index) => (
            <li key={index}>{inlines(item)}</li>
          ))}
        </List>
      );
    }
    case "image":
      return (
        <figure>
          <ResponsiveImg src={block.src} alt={block.alt} sizes="(min-width: 46rem) 42rem, 100vw" />
          {/* A caption may be in another language (an agency's English), unlike the page. */}
          {block.caption ? <figcaption dir="auto">{block.caption}</figcaption> : null}
        </figure>
      );
  }
}

function Paragraph({ paragraph }: { paragraph: ParagraphBlock }) {
  return <p>{"text" in paragraph ? paragraph.text : inlines(paragraph.content)}</p>;
}

function inlines(content: readonly Inline[]): ReactNode[] {
  return content.map((inline, index) => {
    switch (inline.type) {
      case "text":
        return inline.text;
      case "emphasis":
        return <em key={index}>{inlines(inline.content)}</em>;
      case "strong":
        return <strong key={index}>{inlines(inline.content)}</strong>;
      case "link":
        // Same tab, as for the site's own links; noopener costs nothing should a target ever be added.
        return (
          <a key={index} href={inline.href} rel="noopener">
            {inlines(inline.content)}
          </a>
        );
    }
  });
}

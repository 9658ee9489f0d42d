import type { ArticleBody as ArticleBodyDocument } from "@/lib/article-body";

/** Renders the structured body as elements: text is always text, never markup. */
export function ArticleBody({ body }: { body: ArticleBodyDocument }) {
  return (
    <div className="article-body" data-testid="article-body">
      {body.blocks.map((block, index) => {
        switch (block.type) {
          case "paragraph":
            return <p key={index}>{block.text}</p>;
        }
      })}
    </div>
  );
}

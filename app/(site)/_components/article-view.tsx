import Link from "next/link";
import type { ReaderArticle } from "@/lib/articles/reads";
import { tagPath } from "@/lib/paths";
import { formatArabicNumber } from "@/lib/format";
import { ArticleBody } from "./article-body";
import { LeadFigure } from "./lead-figure";
import { PublishedDate } from "./published-date";
import { SectionKicker } from "./section-kicker";

export function commentsLabel(count: number): string {
  return `التعليقات (${formatArabicNumber(count)})`;
}

/** The article as readers see it: on its public page and in the newsroom's preview. */
export function ArticleView({ article }: { article: ReaderArticle }) {
  const sourceHost = article.sourceUrl ? new URL(article.sourceUrl).hostname : null;
  return (
    <article className="article" aria-labelledby="article-headline">
      <header className="article-header">
        <SectionKicker section={article.section} />
        <h1 id="article-headline">{article.headline}</h1>
        {article.dek ? <p className="dek">{article.dek}</p> : null}
        <p className="meta">
          {article.byline ? (
            <Link className="byline" href={article.byline.path}>
              {article.byline.name}
            </Link>
          ) : null}
          <PublishedDate date={article.publishedAt} label="نُشر في" />
          <a href="#comments">{commentsLabel(article.approvedCommentCount)}</a>
        </p>
      </header>
      {article.leadImage ? <LeadFigure image={article.leadImage} /> : null}
      <ArticleBody body={article.body} />
      {article.tags.length ? (
        <nav className="tags" aria-label="الوسوم">
          <ul>
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <Link href={tagPath(tag.slug)}>{tag.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {article.sourceUrl && sourceHost ? (
        <p className="source">
          المصدر:{" "}
          <a href={article.sourceUrl} rel="noopener" lang="en" dir="ltr">
            {sourceHost}
          </a>
        </p>
      ) : null}
      {/* Where the source page had its ad: empty (and hidden by CSS) until an ad provider fills it. */}
      <div className="ad-slot" data-ad-slot="article-end" />
    </article>
  );
}

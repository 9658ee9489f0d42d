import Link from "next/link";
import type { ArticleCard as ArticleCardData } from "@/lib/articles/reads";
import { articlePath } from "@/lib/paths";
import { PublishedDate } from "./published-date";
import { ResponsiveImg } from "./responsive-img";
import { SectionKicker } from "./section-kicker";

interface Props {
  article: ArticleCardData;
  lead?: boolean;
  /** The card's headline level in its page's outline: h2 under the page title, h3 under a section heading. */
  level?: 2 | 3;
}

export function ArticleCard({ article, lead = false, level = 3 }: Props) {
  const HeadlineTag = lead || level === 2 ? "h2" : "h3";
  return (
    <article className={lead ? "card card-lead" : "card"}>
      {article.leadImage ? (
        <ResponsiveImg
          className="card-image"
          src={article.leadImage.url}
          alt={article.leadImage.alt}
          sizes={lead ? "(min-width: 48rem) 40rem, 100vw" : "(min-width: 48rem) 20rem, 100vw"}
          eager={lead}
        />
      ) : null}
      <div className="card-text">
        <SectionKicker section={article.section} />
        <HeadlineTag className="card-headline">
          <Link href={articlePath(article.slug)}>{article.headline}</Link>
        </HeadlineTag>
        <p className="card-excerpt">{article.excerpt}</p>
        {!article.leadImage && article.leadImageCaption ? (
          <p className="card-caption" lang={article.leadImageCaption.lang} dir="auto">
            <span className="visually-hidden">وصف الصورة: </span>
            {article.leadImageCaption.text}
          </p>
        ) : null}
        <p className="meta">
          <PublishedDate date={article.publishedAt} />
        </p>
      </div>
    </article>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { bodyExcerpt } from "@/lib/article-body";
import { getPublicArticleBySlug } from "@/lib/articles";
import { listApprovedComments } from "@/lib/comments";
import { formatArabicNumber } from "@/lib/format";
import { articlePath } from "@/lib/paths";
import { ArticleBody } from "../../_components/article-body";
import { LeadFigure } from "../../_components/lead-figure";
import { PublishedDate } from "../../_components/published-date";
import { SectionKicker } from "../../_components/section-kicker";
import { loadBySlugParam } from "../../slug-param";
import { postCommentAction } from "./actions";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const getArticle = loadBySlugParam((slug) => getPublicArticleBySlug(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  const description = article.dek ?? bodyExcerpt(article.body, 200);
  return {
    title: article.headline,
    description,
    alternates: { canonical: articlePath(article.slug) },
    openGraph: {
      type: "article",
      title: article.headline,
      description,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.section?.name,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const comments = await listApprovedComments(article.id);
  const commentsLabel = `التعليقات (${formatArabicNumber(article.approvedCommentCount)})`;
  const sourceHost = article.sourceUrl ? new URL(article.sourceUrl).hostname : null;

  return (
    <div className="container article-layout">
      <article className="article" aria-labelledby="article-headline">
        <header className="article-header">
          <SectionKicker section={article.section} />
          <h1 id="article-headline">{article.headline}</h1>
          {article.dek ? <p className="dek">{article.dek}</p> : null}
          <p className="meta">
            {article.bylineLabel ? <span className="byline">{article.bylineLabel}</span> : null}
            <PublishedDate date={article.publishedAt} label="نُشر في" />
            <a href="#comments">{commentsLabel}</a>
          </p>
        </header>
        {article.leadImage ? <LeadFigure image={article.leadImage} /> : null}
        <ArticleBody body={article.body} />
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

      <section id="comments" className="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{commentsLabel}</h2>
        <CommentList comments={comments} />
        <CommentForm action={postCommentAction.bind(null, article.id, article.slug)} open={article.commentsOpen} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getPublicArticleBySlug, listRelatedArticles } from "@/lib/articles/reads";
import { commentFormToken } from "@/lib/comments/spam";
import { listApprovedComments } from "@/lib/comments/listing";
import { feedAlternateTypes } from "@/lib/distribution/feed-links";
import { responsiveImage } from "@/lib/media/urls";
import { articlePath, sharePath } from "@/lib/paths";
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from "@/lib/distribution/share-image";
import { findRenamedArticleSlug } from "@/lib/articles/redirects";
import { absoluteUrl, site } from "@/lib/site";
import { slugFromParam } from "@/lib/slug";
import {
  articleDescription,
  articleModifiedAt,
  newsArticleJsonLd,
  shareTitle,
} from "@/lib/distribution/structured-data";
import { CardSection } from "../../_components/card-section";
import { JsonLd } from "../../_components/json-ld";
import { ArticleView, commentsLabel } from "../../_components/article-view";
import { loadBySlugParam } from "../../slug-param";
import { noPagesAtBuild } from "../../static-params";
import { postCommentAction } from "./actions";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";

// Served from Next's cache, comments included: lib/cache/expiry.ts expires the page when the article
// or its published comments change. A reader's own held comments come from the comment form (see
// comment-form.tsx), never from this shared page. The hour is a safety net for changes made to the
// database outside the app.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Props = { params: Promise<{ slug: string }> };

const getArticle = loadBySlugParam((slug) => getPublicArticleBySlug(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  const description = articleDescription(article);
  const leadImageSize = article.leadImage?.url ? responsiveImage(article.leadImage.url) : null;
  // The lead photo is the share image; an article without a photo file gets a generated card
  // (app/share/[slug]: sharp and Pango, since next/og's satori cannot shape Noto Naskh Arabic:
  // it throws "lookupType: 5 - substFormat: 3 is not yet supported").
  const images = {
    images: [
      article.leadImage?.url
        ? {
            url: article.leadImage.url,
            ...(leadImageSize ? { width: leadImageSize.width, height: leadImageSize.height } : {}),
            ...(article.leadImage.alt ? { alt: article.leadImage.alt } : {}),
          }
        : { url: sharePath(article.slug), width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, alt: article.headline },
    ],
  };
  return {
    title: article.headline,
    description,
    alternates: { canonical: articlePath(article.slug), types: feedAlternateTypes() },
    // The page's openGraph replaces the layout's whole, so siteName and locale are repeated here.
    openGraph: {
      type: "article",
      title: article.headline,
      description,
      url: articlePath(article.slug),
      siteName: site.name,
      locale: "ar_AR",
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: articleModifiedAt(article).toISOString(),
      ...(article.byline ? { authors: [absoluteUrl(article.byline.path)] } : {}),
      section: article.section?.name,
      tags: article.tags.map((tag) => tag.name),
      ...images,
    },
    // No `images` here: Next fills the card's image from openGraph.images.
    twitter: {
      card: "summary_large_image",
      title: shareTitle(article.headline),
      description,
    },
  };
}

export default async function ReaderArticle({ params }: Props) {
  const slug = slugFromParam((await params).slug);
  const article = await getArticle((await params).slug);
  if (!article) {
    const renamed = slug ? await findRenamedArticleSlug(slug) : null;
    if (renamed) permanentRedirect(articlePath(renamed));
    notFound();
  }
  const [comments, related] = await Promise.all([listApprovedComments(article.id), listRelatedArticles(article)]);

  return (
    <>
      <JsonLd data={newsArticleJsonLd(article, site)} />
      <div className="container article-layout">
        <ArticleView article={article} />
        <CardSection id="related-heading" title="أخبار ذات صلة" articles={related} />
        <section id="comments" className="comments" aria-labelledby="comments-heading">
          <h2 id="comments-heading">{commentsLabel(article.approvedCommentCount)}</h2>
          <CommentList articleSlug={article.slug} comments={comments} />
          <CommentForm
            action={postCommentAction.bind(null, { articleId: article.id, articleSlug: article.slug, parentId: null })}
            articleId={article.id}
            open={article.commentsOpen}
            token={commentFormToken()}
          />
        </section>
      </div>
    </>
  );
}

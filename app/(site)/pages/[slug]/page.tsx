import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSitePage } from "@/lib/pages/pages";
import { ArticleBody } from "../../_components/article-body";
import { loadBySlugParam } from "../../slug-param";
import { noPagesAtBuild } from "../../static-params";

// Served from Next's cache; lib/cache/expiry.ts (sitePagesChanged) expires it when a page changes.
export const revalidate = 3600;
export const generateStaticParams = noPagesAtBuild;

type Props = { params: Promise<{ slug: string }> };

const getPage = loadBySlugParam(getSitePage);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPage((await params).slug);
  return page ? { title: page.title } : {};
}

/** A page of the site outside the news: About, Contact, Terms… */
export default async function SitePageView({ params }: Props) {
  const page = await getPage((await params).slug);
  if (!page) notFound();
  return (
    <div className="container site-page">
      <article>
        <h1>{page.title}</h1>
        <ArticleBody body={page.body} />
      </article>
    </div>
  );
}

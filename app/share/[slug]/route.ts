import { getPublicArticleBySlug } from "@/lib/articles/reads";
import { renderShareImage } from "@/lib/distribution/share-image";
import { site } from "@/lib/site";
import { slugFromParam } from "@/lib/slug";

export const dynamic = "force-dynamic";

/** The share card (Open Graph image) of a public article without a photo of its own. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugFromParam((await params).slug);
  const article = slug ? await getPublicArticleBySlug(slug) : null;
  if (!article) return new Response("Not found", { status: 404 });
  const png = await renderShareImage({
    headline: article.headline,
    section: article.section?.name ?? null,
    siteName: site.name,
  });
  return new Response(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      // An edited headline shows within the hour; social networks cache cards longer anyway.
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}

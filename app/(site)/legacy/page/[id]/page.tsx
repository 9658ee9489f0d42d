import { notFound, permanentRedirect } from "next/navigation";
import { findSitePageSlugByLegacyId } from "@/lib/pages/pages";
import { sitePagePath } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** Where proxy.ts sends the replaced site's `?page_id=<id>` links: a permanent redirect, or the 404 page. */
export default async function LegacyPageLink({ params }: { params: Promise<{ id: string }> }) {
  const slug = await findSitePageSlugByLegacyId((await params).id);
  if (!slug) notFound();
  permanentRedirect(sitePagePath(slug));
}

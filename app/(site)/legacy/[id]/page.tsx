import { notFound, permanentRedirect } from "next/navigation";
import { articlePath } from "@/lib/paths";
import { findSlugByLegacyId } from "@/lib/articles/redirects";

export const dynamic = "force-dynamic";

/** Where proxy.ts sends the origin site's `?p=<id>` links: a permanent redirect, or the 404 page. */
export default async function LegacyLink({ params }: { params: Promise<{ id: string }> }) {
  const slug = await findSlugByLegacyId((await params).id);
  if (!slug) notFound();
  permanentRedirect(articlePath(slug));
}

import { notFound, permanentRedirect } from "next/navigation";
import { findLegacyAddress } from "@/lib/import/wordpress/addresses";

export const dynamic = "force-dynamic";

/**
 * Where proxy.ts sends the paths no route of the portal has: an address of the site the portal
 * replaced answers a permanent redirect to its new address (lib/import/wordpress/addresses.ts);
 * any other is the 404 page.
 */
export default async function OldSiteAddress({ params }: { params: Promise<{ path: string[] }> }) {
  const target = await findLegacyAddress(`/${(await params).path.join("/")}`);
  if (!target) notFound();
  permanentRedirect(target);
}

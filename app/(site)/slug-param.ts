import { cache } from "react";
import { slugFromParam } from "@/lib/slug";

/**
 * Wraps a by-slug read for a `[slug]` route: decodes the param (null for a malformed one) and
 * caches per request, so the page and its generateMetadata share one query.
 */
export function loadBySlugParam<T>(load: (slug: string) => Promise<T | null>) {
  return cache(async (param: string): Promise<T | null> => {
    const slug = slugFromParam(param);
    return slug ? load(slug) : null;
  });
}

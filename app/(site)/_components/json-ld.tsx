import type { Thing, WithContext } from "schema-dts";
import { serializeJsonLd } from "@/lib/distribution/structured-data";

/**
 * Structured data for search engines, as a `<script type="application/ld+json">` element.
 *
 * React escapes text children of a <script> in a way that would corrupt the JSON, so the one way to
 * write it is dangerouslySetInnerHTML. This is the only place it is used, and it is safe here: the
 * HTML is never markup from anywhere, it is always the output of `serializeJsonLd`, which escapes
 * every `<`, `>` and `&` (and U+2028/U+2029) in the JSON as \u003c…, so no article text (a headline
 * containing `</script><script>…`, a caption, a tag) can end the element or open another one. The
 * browser does not run JSON-LD; it is data.
 */
export function JsonLd({ data }: { data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

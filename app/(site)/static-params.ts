/**
 * generateStaticParams of the reader routes with a slug: none is rendered at build time (the build
 * needs no article), each page is rendered on its first request and then served from Next's cache.
 */
export function noPagesAtBuild(): Promise<never[]> {
  return Promise.resolve([]);
}

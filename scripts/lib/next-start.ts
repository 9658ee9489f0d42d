/**
 * The Node.js flags the portal's server runs with (`npm run serve`, package.json, has the same; a
 * unit test holds them together), for the tools that start `next start` themselves: the
 * benchmark and the operations drills. V8 grows its heap while it has room, so without a limit a
 * server under load climbs to ~500 MiB though it needs far less; with 192 MiB the benchmark's routes
 * peak at ~245 MiB RSS. The sitemap is the largest single job (lib/sitemap.ts keeps it bounded).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192"] as const;

const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } = require("next/constants");
const { headerRules } = require("./lib/cache/http-headers.cjs");

/*
 * With REDIS_URL set when `next start` runs, the page cache lives in Redis, shared by every instance
 * (lib/cache/handler.mjs). Next reads this file again at start, so REDIS_URL at build time
 * changes nothing: the build renders its pages into .next as always, and one build serves with or
 * without Redis. (A `output: "standalone"` server would instead keep the build's settings.)
 */
const sharedPageCache = (phase) =>
  phase === PHASE_PRODUCTION_SERVER && process.env.REDIS_URL?.trim()
    ? { cacheHandler: require.resolve("./lib/cache/handler.mjs") }
    : {};

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  // Next keeps the bodies of cached pages in memory too (50 MB by default) before its disk copy:
  // 16 MB holds the hot pages and keeps the server under 300 MB with the sitemap's parts cached.
  cacheMaxMemorySize: 16 * 1024 * 1024,
  // Loaded by Node as is: wawoff2 locates its WebAssembly file at run time; redis is also loaded by
  // the cache handler, outside the bundle; rate-limiter-flexible names stores the bundler cannot find.
  serverExternalPackages: ["wawoff2", "redis", "rate-limiter-flexible"],
  experimental: {
    // Image uploads go through a Server Action: up to 10 MB of image plus the form around it.
    serverActions: { bodySizeLimit: "11mb" },
  },
  // Security headers on every answer, shared-cache freshness on reader pages (lib/cache/http-headers.cjs).
  async headers() {
    return headerRules({
      https: (process.env.SITE_URL ?? "").startsWith("https:"),
      development: phase === PHASE_DEVELOPMENT_SERVER,
    });
  },
  ...sharedPageCache(phase),
});

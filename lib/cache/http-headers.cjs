// CommonJS so that next.config.js, which Node loads as it is, shares it with proxy.ts.
"use strict";

/**
 * The Content-Security-Policy of every page and route.
 *
 * Scripts: pages rendered per request (the newsroom, search) get a policy with this response's
 * nonce and 'strict-dynamic' (Next puts the nonce on its own scripts when the policy is on the
 * request). Reader pages are served from Next's cache, the same bytes to every reader, so no
 * per-request nonce can be in them, and Next's inline bootstrap scripts (the RSC payload) differ
 * per page, so no fixed hash list covers them either (vercel/next.js#89754): those pages allow
 * inline scripts from their own HTML. They render no markup from users or authors (React escapes
 * every text; the body is typed blocks), which the stored-XSS tests check; every other directive
 * is as strict on both. Styles allow inline because React and next/font write style attributes.
 * Development adds 'unsafe-eval' for React's tooling. (Types: lib/cache/http-headers.d.cts.)
 */
function contentSecurityPolicy({ nonce, development = false, https = false }) {
  const scripts = nonce ? `'nonce-${nonce}' 'strict-dynamic'` : "'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function securityHeaders({ https = false } = {}) {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

// The sections rendered for each request, whose policy carries the response's nonce (proxy.ts;
// its matcher, which Next reads as a literal, names them again).
const RENDERED_PER_REQUEST = ["admin", "search"];
const RENDERED_PER_REQUEST_PATH = new RegExp(`^/(?:${RENDERED_PER_REQUEST.join("|")})(?:/|$)`);

/** Whether `pathname` is rendered per request, and so gets a nonce. */
function renderedPerRequest(pathname) {
  return RENDERED_PER_REQUEST_PATH.test(pathname);
}

// Reader pages and feeds are served from Next's cache. Shared caches in front (a CDN,
// deploy/nginx.conf) may keep them two seconds, so a change reaches readers at once there too;
// browsers revalidate every time (ETag). Next would otherwise send its revalidate period (an hour).
const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=5";
const CACHED_READER_PAGES = [
  "/",
  "/articles/:path*",
  "/pages/:path*",
  "/sections/:path*",
  "/tags/:path*",
  "/authors/:path*",
  "/sources/:path*",
  "/feed.xml",
  "/atom.xml",
];

/**
 * The headers next.config.js adds to every answer, without running the proxy: a page served from
 * Next's cache then costs Next no middleware call (measured: 60% more requests a second). Next
 * writes them into the build, so SITE_URL (https or not) counts as the build had it, as it does
 * for the pages rendered then.
 */
function headerRules({ https, development }) {
  const list = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));
  const policy = list({ "Content-Security-Policy": contentSecurityPolicy({ development, https }) });
  return [
    { source: "/:path*", headers: list(securityHeaders({ https })) },
    // Everything but what proxy.ts gives a policy with the response's nonce.
    {
      source: `/:path((?!${RENDERED_PER_REQUEST.map((section) => `${section}$|${section}/`).join("|")}).*)`,
      headers: policy,
    },
    // Reads only: a form's POST to an article page is answered for one reader (Next marks it private).
    ...CACHED_READER_PAGES.map((source) => ({
      source,
      missing: [{ type: "header", key: "content-length" }],
      headers: list({ "Cache-Control": SHARED_CACHE_CONTROL }),
    })),
  ];
}

module.exports = { contentSecurityPolicy, headerRules, renderedPerRequest };

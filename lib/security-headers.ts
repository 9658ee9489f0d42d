/**
 * The security headers of every page and route.
 *
 * Scripts: pages rendered per request (the newsroom, search) get a policy with this response's
 * nonce and 'strict-dynamic' (Next puts the nonce on its own scripts when the policy is on the
 * request). Reader pages are served from Next's cache, the same bytes to every reader, so no
 * per-request nonce can be in them, and Next's inline bootstrap scripts (the RSC payload) differ
 * per page, so no fixed hash list covers them either (vercel/next.js#89754): those pages allow
 * inline scripts from their own HTML. They render no markup from users or authors (React escapes
 * every text; the body is typed blocks), which the stored-XSS tests check; every other directive
 * is as strict on both. Styles allow inline because React and next/font write style attributes.
 * Development adds 'unsafe-eval' for React's tooling.
 */
export function contentSecurityPolicy({ nonce, development = false, https = false }: { nonce?: string; development?: boolean; https?: boolean }): string {
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

export function securityHeaders({ https = false } = {}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

import { NextResponse, type NextRequest } from "next/server";
import { formatArabicNumber } from "@/lib/format";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

const https = (process.env.SITE_URL ?? "").startsWith("https:");
const development = process.env.NODE_ENV === "development";

// Pages rendered for each request; every other page is served from Next's cache (see the policy's comment).
const RENDERED_PER_REQUEST = /^\/(?:admin|search)(?:\/|$)/;
// List pages whose older pages are asked for with `?before=`: the first page stays cacheable because
// the older ones are rewritten to a path of their own (`…/before/<cursor>`, see listing.ts).
const PAGED_LIST = /^\/(?:sections|tags|authors|sources)\/[^/]+\/?$/;
// Reader pages and feeds served from Next's cache. Shared caches in front (a CDN, deploy/nginx.conf)
// may keep them two seconds, so a change reaches readers at once there too; browsers revalidate
// every time (ETag). Next would otherwise send its own revalidate period (an hour) as s-maxage.
const CACHED_READER_PAGE = /^\/(?:$|(?:articles|sections|tags|authors|sources)\/|(?:feed|atom)\.xml$)/;
const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=5";

/**
 * Runs before routing on every page and route (not on static assets). None of it is authorization:
 * - every response gets the security headers and a Content-Security-Policy;
 * - links from the origin site (`/?p=1101899`, on any path) go to /legacy/<id>, which redirects
 *   permanently to the article or shows the 404 page;
 * - a path with a malformed percent-escape (`/articles/%E0%A4%A`) makes Next's router throw and
 *   answer 500; it is the client's error, so answer 400 with a plain explanation.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const requestId = requestIdOf(request);
  const headers = { ...securityHeaders({ https }), "X-Request-Id": requestId };
  const refuse = (status: number, message: string) =>
    new NextResponse(message, { status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  try {
    decodeURIComponent(pathname);
  } catch {
    return refuse(400, "طلب غير صالح: الرابط يحتوي على ترميز غير صحيح.\nBad request: malformed URL encoding.\n");
  }
  const bodyRefusal = oversizedBody(request);
  if (bodyRefusal) return refuse(bodyRefusal.status, bodyRefusal.message);

  const nonce = RENDERED_PER_REQUEST.test(pathname) ? btoa(crypto.randomUUID()) : undefined;
  const policy = contentSecurityPolicy({ nonce, development, https });
  // Next reads the nonce for its own scripts from the policy on the request.
  const requestHeaders = new Headers(request.headers);
  // Logged with any error of this request (instrumentation.ts), and answered to the client.
  requestHeaders.set("x-request-id", requestId);
  if (nonce) requestHeaders.set("Content-Security-Policy", policy);
  else requestHeaders.delete("Content-Security-Policy");

  const rewrite = rewriteTarget(request);
  const response = rewrite
    ? NextResponse.rewrite(rewrite, { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if ((request.method === "GET" || request.method === "HEAD") && CACHED_READER_PAGE.test(pathname)) {
    response.headers.set("Cache-Control", SHARED_CACHE_CONTROL);
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;

  function rewriteTarget({ nextUrl, url }: NextRequest): URL | null {
    const legacyId = searchParams.get("p");
    if (legacyId !== null && /^\d{1,18}$/.test(legacyId) && !pathname.startsWith("/admin")) return new URL(`/legacy/${legacyId}`, url);
    const before = searchParams.getAll("before");
    if (before.length > 0 && PAGED_LIST.test(pathname)) {
      // A repeated parameter is malformed: "-" is no cursor, so the page answers 404.
      const cursor = before.length === 1 ? before[0] : "-";
      return new URL(`${nextUrl.pathname.replace(/\/$/, "")}/before/${encodeURIComponent(cursor)}`, url);
    }
    return null;
  }
}

/** The id a proxy in front gave the request, when it looks like one; otherwise a new one. */
function requestIdOf(request: NextRequest): string {
  const given = request.headers.get("x-request-id");
  return given && /^[A-Za-z0-9._-]{8,128}$/.test(given) ? given : crypto.randomUUID();
}

// A comment or a sign-in is a few kilobytes; an image upload (newsroom only) up to 10 MB plus its
// form, as next.config.js lets Server Actions read.
const READER_BODY_LIMIT = 64 * 1024;
const NEWSROOM_BODY_LIMIT = 11 * 1024 * 1024;

/**
 * Refuses a body too large for what the path accepts before anything reads it. Without a length
 * (a chunked body), a reader's request is refused as well: browsers always send one for a form.
 */
function oversizedBody(request: NextRequest): { status: number; message: string } | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const limit = request.nextUrl.pathname.startsWith("/admin") ? NEWSROOM_BODY_LIMIT : READER_BODY_LIMIT;
  const declared = request.headers.get("content-length");
  if (declared === null) {
    if (limit === NEWSROOM_BODY_LIMIT || !request.headers.has("transfer-encoding")) return null;
    return { status: 411, message: "طلب غير صالح: يجب أن يذكر الطلب طول محتواه.\nLength required.\n" };
  }
  const length = Number(declared);
  if (Number.isSafeInteger(length) && length <= limit) return null;
  return {
    status: 413,
    message: `الطلب أكبر من المسموح (${formatArabicNumber(Math.floor(limit / 1024))} كيلوبايت كحد أقصى).\nRequest body too large (limit ${limit} bytes).\n`,
  };
}

export const config = {
  // Everything but build assets and uploaded media (their own headers are set where they are served).
  matcher: ["/((?!_next/static|_next/image|media/).*)"],
};

import { NextResponse, type NextRequest } from "next/server";
import { formatArabicNumber } from "@/lib/format";
import { contentSecurityPolicy, renderedPerRequest } from "@/lib/cache/http-headers.cjs";

const https = (process.env.SITE_URL ?? "").startsWith("https:");
const development = process.env.NODE_ENV === "development";

// List pages whose older pages are asked for with `?before=`: the first page stays cacheable because
// the older ones are rewritten to a path of their own (`…/before/<cursor>`, see listing.ts).
const PAGED_LIST = /^\/(?:sections|tags|authors|sources)\/[^/]+\/?$/;

/**
 * Runs before routing, only for the requests that need it (see `config.matcher`): reader pages
 * served from Next's cache skip it, and get their headers from next.config.js (lib/cache/http-headers.cjs).
 * None of it is authorization:
 * - the newsroom and search are rendered per request: their Content-Security-Policy carries this
 *   response's nonce (Next reads it from the policy on the request and puts it on its scripts);
 * - links from the origin site (`/?p=1101899`, on any path) go to /legacy/<id>, which redirects
 *   permanently to the article or shows the 404 page; `?page_id=` to /legacy/page/<id>, for a site page;
 * - a path no route of the portal has (an imported site's `/2022/01/12/<slug>/`, `/category/…`)
 *   goes to /legacy/address/<path>, which redirects to its new address or shows the 404 page;
 * - a body larger than the path accepts is refused before anything reads it;
 * - a path with a malformed percent-escape (`/articles/%E0%A4%A`) makes Next's router throw and
 *   answer 500; it is the client's error, so answer 400 with a plain explanation.
 * Each of these answers carries a request id (X-Request-Id), logged with any error of the request.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const requestId = requestIdOf(request);
  const refuse = (status: number, message: string) =>
    new NextResponse(message, {
      status,
      headers: { "X-Request-Id": requestId, "content-type": "text/plain; charset=utf-8" },
    });
  try {
    decodeURIComponent(pathname);
  } catch {
    return refuse(400, "طلب غير صالح: الرابط يحتوي على ترميز غير صحيح.\nBad request: malformed URL encoding.\n");
  }
  const bodyRefusal = oversizedBody(request);
  if (bodyRefusal) return refuse(bodyRefusal.status, bodyRefusal.message);

  const nonce = renderedPerRequest(pathname) ? btoa(crypto.randomUUID()) : undefined;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  const policy = nonce ? contentSecurityPolicy({ nonce, development, https }) : null;
  if (policy) requestHeaders.set("Content-Security-Policy", policy);
  else requestHeaders.delete("Content-Security-Policy");

  const rewrite = rewriteTarget(request);
  const response = rewrite
    ? NextResponse.rewrite(rewrite, { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  if (policy) response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  return response;

  function rewriteTarget({ nextUrl, url }: NextRequest): URL | null {
    const legacyId = searchParams.get("p");
    if (legacyId !== null && /^\d{1,18}$/.test(legacyId) && !pathname.startsWith("/admin"))
      return new URL(`/legacy/${legacyId}`, url);
    const legacyPageId = searchParams.get("page_id");
    if (legacyPageId !== null && /^\d{1,18}$/.test(legacyPageId) && !pathname.startsWith("/admin"))
      return new URL(`/legacy/page/${legacyPageId}`, url);
    if (isOldSitePath(pathname)) return new URL(`/legacy/address${pathname}`, url);
    const before = searchParams.getAll("before");
    if (before.length > 0 && PAGED_LIST.test(pathname)) {
      // A repeated parameter is malformed: "-" is no cursor, so the page answers 404.
      const cursor = before.length === 1 ? before[0] : "-";
      return new URL(`${nextUrl.pathname.replace(/\/$/, "")}/before/${encodeURIComponent(cursor)}`, url);
    }
    return null;
  }
}

/**
 * A path whose first segment is none of the portal's (app/): an address of the site it replaced, or
 * nothing. The rule is spelled once, as the matcher below (a matcher must be a literal), read back here.
 */
let oldSitePath: RegExp | undefined;
function isOldSitePath(pathname: string): boolean {
  if (!oldSitePath) {
    const matcher = config.matcher.find(
      (entry): entry is string => typeof entry === "string" && entry.startsWith("/((?!(?:articles|pages|"),
    );
    if (!matcher) throw new Error("proxy.ts: the matcher of the old site's paths is missing");
    oldSitePath = new RegExp(`^${matcher}$`);
  }
  return oldSitePath.test(pathname);
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

// A percent-escape that is not one whole UTF-8 character: "%" without two hex digits, a byte that
// cannot start or continue a character, an overlong form, a surrogate (decodeURIComponent refuses
// each). Next tests the matcher on the raw path too, so a path carrying one comes to the proxy.
// The lookahead reads: from here on, the path is not made of plain characters and whole characters.
export const config = {
  matcher: [
    // What is rendered per request (lib/cache/http-headers.cjs, RENDERED_PER_REQUEST).
    "/admin/:path*",
    "/search",
    // A request with a body: a form or a Server Action (a GET carries none).
    { source: "/:path*", has: [{ type: "header", key: "content-length" }] },
    { source: "/:path*", has: [{ type: "header", key: "transfer-encoding" }] },
    { source: "/:path*", has: [{ type: "query", key: "p" }] },
    { source: "/:path*", has: [{ type: "query", key: "page_id" }] },
    { source: "/:path*", has: [{ type: "query", key: "before" }] },
    // Not one of the portal's paths (OLD_SITE_PATH; a matcher must be a literal, so it is spelled out again).
    "/((?!(?:articles|pages|sections|tags|authors|sources|search|admin|api|media|share|sitemaps|legacy|_next|feed\\.xml|atom\\.xml|sitemap\\.xml|news-sitemap\\.xml|robots\\.txt|icon\\.svg|favicon\\.ico)(?:/|$))[^/]+.*)",
    "/:path((?!(?:[^%]|%[0-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-c](?:%[89ABab][0-9A-Fa-f]){2}|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][EFef](?:%[89ABab][0-9A-Fa-f]){2}|%[Ff]0%[9ABab][0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f]){2}|%[Ff][1-3](?:%[89ABab][0-9A-Fa-f]){3}|%[Ff]4%8[0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f]){2})*$).*)",
  ],
};

import { NextResponse, type NextRequest } from "next/server";

/**
 * Two jobs before routing, neither of them authorization:
 * - links from the origin site (`/?p=1101899`, on any path) go to /legacy/<id>, which redirects
 *   permanently to the article or shows the 404 page;
 * - a slug route with a malformed percent-escape (`/articles/%E0%A4%A`) makes Next's router throw
 *   and answer 500; it is the client's error, so answer 400 with a plain explanation.
 */
export function proxy(request: NextRequest) {
  const legacyId = request.nextUrl.searchParams.get("p");
  if (legacyId !== null && /^\d{1,18}$/.test(legacyId) && !request.nextUrl.pathname.startsWith("/admin")) {
    return NextResponse.rewrite(new URL(`/legacy/${legacyId}`, request.url));
  }
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return new NextResponse("طلب غير صالح: الرابط يحتوي على ترميز غير صحيح.\nBad request: malformed URL encoding.\n", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}

export const config = {
  matcher: [
    "/articles/:path*",
    "/sections/:path*",
    "/tags/:path*",
    "/authors/:path*",
    "/sources/:path*",
    "/share/:path*",
    { source: "/:path*", has: [{ type: "query", key: "p" }] },
  ],
};

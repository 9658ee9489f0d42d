import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

const https = (process.env.SITE_URL ?? "").startsWith("https:");
const development = process.env.NODE_ENV === "development";

/**
 * Runs before routing on every page and route (not on static assets). None of it is authorization:
 * - every response gets the security headers and a Content-Security-Policy with a fresh nonce;
 * - links from the origin site (`/?p=1101899`, on any path) go to /legacy/<id>, which redirects
 *   permanently to the article or shows the 404 page;
 * - a path with a malformed percent-escape (`/articles/%E0%A4%A`) makes Next's router throw and
 *   answer 500; it is the client's error, so answer 400 with a plain explanation.
 */
export function proxy(request: NextRequest) {
  const headers = { ...securityHeaders({ https }) };
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("طلب غير صالح: الرابط يحتوي على ترميز غير صحيح.\nBad request: malformed URL encoding.\n", {
      status: 400,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { development, https });
  // Next reads the nonce for its own scripts from the policy on the request; pages read x-nonce.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const legacyId = request.nextUrl.searchParams.get("p");
  const response =
    legacyId !== null && /^\d{1,18}$/.test(legacyId) && !request.nextUrl.pathname.startsWith("/admin")
      ? NextResponse.rewrite(new URL(`/legacy/${legacyId}`, request.url), { request: { headers: requestHeaders } })
      : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets and uploaded media (their own headers are set where they are served).
  matcher: ["/((?!_next/static|_next/image|media/).*)"],
};

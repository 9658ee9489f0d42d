import { NextResponse, type NextRequest } from "next/server";

/**
 * A slug route with a malformed percent-escape (`/articles/%E0%A4%A`) makes Next's router throw
 * and answer 500. It is the client's error: answer 400 with a plain explanation instead.
 */
export function proxy(request: NextRequest) {
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
  matcher: ["/articles/:path*", "/sections/:path*", "/tags/:path*"],
};

import { cacheRouteAuthorized, everythingChanged } from "@/lib/cache/expiry";

/**
 * Expires every cached reader page, for changes made to the database outside the app (a command-line
 * import, a restore, test fixtures): `POST` with `Authorization: Bearer <token>`, the token being
 * derived from APP_SECRET (lib/cache/purge-token.ts). Changes made through the app expire what they
 * affect by themselves.
 */
export function POST(request: Request) {
  if (!cacheRouteAuthorized(request)) return Response.json({ error: "غير مصرّح." }, { status: 401 });
  everythingChanged();
  return Response.json({ purged: true });
}

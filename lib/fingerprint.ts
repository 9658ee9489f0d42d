import "server-only";
import { hmac } from "./signing";

/**
 * A keyed hash of the client's address and user agent: enough to count one client's comments or
 * sign-in failures, and not reversible to the address by whoever reads the database.
 *
 * The address is the LAST X-Forwarded-For entry: the one the nearest proxy observed (nginx's
 * `proxy_add_x_forwarded_for` appends it). Earlier entries are whatever the client claimed. Next
 * fills the header with the socket address only when it is absent, so a server exposed without a
 * proxy lets clients choose their address: deploy behind one for per-client limits to hold.
 */
export function clientFingerprint(requestHeaders: Headers): string {
  const forwardedFor = requestHeaders.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const address = forwardedFor || requestHeaders.get("x-real-ip") || "unknown";
  const userAgent = requestHeaders.get("user-agent") ?? "";
  return hmac(`${address}\n${userAgent}`);
}

import "server-only";
import { hmac } from "./signing";

/**
 * A keyed hash of the client's address and user agent: enough to count one client's comments or
 * sign-in failures, and not reversible to the address by whoever reads the database.
 */
export function clientFingerprint(requestHeaders: Headers): string {
  const forwardedFor = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwardedFor || requestHeaders.get("x-real-ip") || "unknown";
  const userAgent = requestHeaders.get("user-agent") ?? "";
  return hmac(`${address}\n${userAgent}`);
}

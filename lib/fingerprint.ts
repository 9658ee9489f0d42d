import "server-only";
import { createHmac, randomBytes } from "node:crypto";

// Without APP_SECRET (set by scripts/start.sh) a per-process key still keeps raw addresses out of
// the database; fingerprints then only match within one server run.
const key = process.env.APP_SECRET || randomBytes(32).toString("hex");

/**
 * A keyed hash of the client's address and user agent: enough to count one client's comments for
 * rate limiting, and not reversible to the address by whoever reads the database.
 */
export function clientFingerprint(requestHeaders: Headers): string {
  const forwardedFor = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwardedFor || requestHeaders.get("x-real-ip") || "unknown";
  const userAgent = requestHeaders.get("user-agent") ?? "";
  return createHmac("sha256", key).update(`${address}\n${userAgent}`).digest("hex");
}

import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Without APP_SECRET (scripts/run/start.sh writes one into .env.local) a per-process key still works,
// but signatures and fingerprints then only hold within one server run.
const key = process.env.APP_SECRET || randomBytes(32).toString("hex");

export function hmac(value: string): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

/** `value` with its signature, for a cookie the client may hold but not forge. */
export function sign(value: string): string {
  return `${value}.${hmac(value)}`;
}

/** The value, or null when the signature does not match. */
export function unsign(signed: string): string | null {
  const dot = signed.lastIndexOf(".");
  if (dot < 0) return null;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(hmac(value));
  const given = Buffer.from(signed.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : null;
}

import "server-only";
import { sign, unsign } from "../signing";

/*
 * Defences against simple bots and floods on the public comment form. The limits are read from
 * the environment so a benchmark or an e2e run can lift them (0 turns one off).
 */
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};

export const commentRateLimits = () => ({
  perMinute: setting("COMMENT_RATE_PER_MINUTE", 5),
  perHour: setting("COMMENT_RATE_PER_HOUR", 30),
});

const minimumFillMs = () => setting("COMMENT_MIN_FILL_SECONDS", 3) * 1000;

/** Rendered into the form: when it was served, signed so a bot cannot claim an older time. */
export function commentFormToken(now = new Date()): string {
  return sign(String(now.getTime()));
}

/** True when the form came back faster than a person types, or without a valid token. */
export function filledTooFast(token: unknown, now = new Date()): boolean {
  const value = typeof token === "string" ? unsign(token) : null;
  const servedAt = value !== null && /^\d{13}$/.test(value) ? Number(value) : null;
  if (servedAt === null) return minimumFillMs() > 0;
  return now.getTime() - servedAt < minimumFillMs();
}

const LINK = /\bhttps?:\/\/|\bwww\./gi;
const MAX_LINKS = 2;
// Phrases that, in a news site's comments, are almost only ever advertising.
const SPAM_PATTERNS = [
  /\b(?:casino|viagra|cialis|porn|bitcoin\s+doubler|forex\s+signals?)\b/i,
  /كازينو|مراهنات|ربح\s+سريع|اربح\s+(?:المال|آلاف)|قروض\s+فورية|تكبير\s+/,
  /(?:واتساب|whatsapp)\s*[:-]?\s*\+?[\d\s٠-٩]{8,}/i,
];

/** Text that is published only after an editor has looked at it, whatever the moderation setting. */
export function looksLikeSpam(text: string): boolean {
  return (text.match(LINK)?.length ?? 0) > MAX_LINKS || SPAM_PATTERNS.some((pattern) => pattern.test(text));
}

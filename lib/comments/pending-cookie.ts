import "server-only";
import { sign, unsign } from "../signing";

/*
 * A reader's own comments awaiting moderation are remembered in a signed, httpOnly cookie of
 * their ids, so the article page can show them to that reader (marked as pending) and to nobody else.
 */
const COOKIE = "pending_comments";
const REMEMBERED = 20;
const MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

interface CookieReader {
  get(name: string): { value: string } | undefined;
}

export function readPendingCommentIds(cookies: CookieReader): number[] {
  const value = unsign(cookies.get(COOKIE)?.value ?? "");
  if (!value) return [];
  return value
    .split("-")
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

export function pendingCommentsCookie(cookies: CookieReader, newId: number) {
  const ids = [...readPendingCommentIds(cookies).filter((id) => id !== newId), newId].slice(-REMEMBERED);
  return {
    name: COOKIE,
    value: sign(ids.join("-")),
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      maxAge: MAX_AGE_SECONDS,
      secure: process.env.SITE_URL?.startsWith("https:"),
    },
  };
}

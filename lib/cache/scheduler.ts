/*
 * Scheduled articles go live at their time on cached pages too. A page cached before that time
 * shows the article as not yet public (the home page without it, its address a 404), and nothing
 * would expire it before its revalidate period, an hour. So each server wakes at the next
 * scheduled time, and at least every minute (for articles scheduled outside the app or by another
 * instance), and asks its own POST /api/cache/scheduled to expire the pages of the articles that
 * came due since it last asked (lib/cache/expiry.ts, as for any article change; the route answers
 * when the next one is due). Any article change wakes it at once (wakeScheduledPublishing).
 *
 * It runs beside the server (instrumentation.ts) and reaches the database only through that
 * route, so it needs no module of the app's server bundle. Without APP_SECRET there is no token
 * for the route, and no scheduler.
 */
import { cachePurgeTokenFor } from "./purge-token";

const AT_LEAST_EVERY_MS = 60_000;
const RETRY_MS = 5_000;
const STARTING_RETRY_MS = 500;
const CHECK_TIMEOUT_MS = 30_000;
// Cached pages are at most this old (their revalidate period): an article that came due within
// it, while no server was running, may still be in one as not yet public.
const CACHED_PAGES_MAX_AGE_MS = 3_600_000;

const WAKE = Symbol.for("arabic-news-portal.scheduled-publishing.wake");
type Waker = { [WAKE]?: () => void };

/** Starts the scheduler of this server process (once). */
export function startScheduledPublishing(appSecret: string | undefined): void {
  if (!appSecret || (globalThis as Waker)[WAKE]) return;
  const token = cachePurgeTokenFor(appSecret);
  let checkedUntil = new Date(Date.now() - CACHED_PAGES_MAX_AGE_MS);
  let timer: NodeJS.Timeout | undefined;
  let checking = false;
  let wokenWhileChecking = false;

  const arm = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), Math.max(0, delayMs));
    // The scheduler never keeps a stopping server alive.
    timer.unref();
  };

  async function check(): Promise<void> {
    const origin = ownOrigin();
    if (!origin) return arm(STARTING_RETRY_MS);
    checking = true;
    wokenWhileChecking = false;
    try {
      const response = await fetch(new URL("/api/cache/scheduled", origin), {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ since: checkedUntil.toISOString() }),
        // A server too busy to answer is asked again, rather than waited for.
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`POST /api/cache/scheduled answered ${response.status}`);
      const answer = (await response.json()) as { checkedUntil: string; next: string | null };
      checkedUntil = new Date(answer.checkedUntil);
      const untilNext = answer.next === null ? Infinity : Date.parse(answer.next) - Date.now();
      arm(wokenWhileChecking ? 0 : Math.min(untilNext, AT_LEAST_EVERY_MS));
    } catch (error) {
      // The server may be stopping, or busy starting: try again shortly.
      if (!(error instanceof TypeError))
        console.error(JSON.stringify({ level: "error", source: "scheduled-publishing", message: String(error) }));
      arm(RETRY_MS);
    } finally {
      checking = false;
    }
  }

  (globalThis as Waker)[WAKE] = () => {
    if (checking) wokenWhileChecking = true;
    else arm(0);
  };
  arm(0);
}

/** An article changed (it may have been scheduled or rescheduled): look again now. */
export function wakeScheduledPublishing(): void {
  (globalThis as Waker)[WAKE]?.();
}

/** Where this process listens: Next sets both once `next start` or `next dev` listens; null before. */
function ownOrigin(): string | null {
  if (process.env.__NEXT_PRIVATE_ORIGIN) return process.env.__NEXT_PRIVATE_ORIGIN;
  return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
}

import { z } from "zod";
import { nextScheduledPublication, scheduledArticlesDue } from "@/lib/articles/scheduling";
import { cacheRouteAuthorized, scheduledArticlesWentLive } from "@/lib/cache/expiry";

const Check = z.object({ since: z.iso.datetime() });

// Per request: it reads the clock and the schedule.
export const dynamic = "force-dynamic";

/**
 * Expires the pages of the scheduled articles whose time came after `since`, and says until when
 * it looked and when the next one is due. Called by this server's scheduler
 * (lib/cache/scheduler.ts), with the token of the cache routes.
 */
export async function POST(request: Request) {
  if (!cacheRouteAuthorized(request)) return Response.json({ error: "غير مصرّح." }, { status: 401 });
  const parsed = Check.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "الطلب يحتاج إلى since بتاريخ ISO 8601." }, { status: 400 });
  const now = new Date();
  const due = await scheduledArticlesDue(new Date(parsed.data.since), now);
  if (due.length > 0) scheduledArticlesWentLive(due);
  const next = await nextScheduledPublication(now);
  return Response.json({ expired: due, checkedUntil: now.toISOString(), next: next?.toISOString() ?? null });
}

import "server-only";
import { db } from "../db/client";

/**
 * The slugs of the scheduled articles whose time came in (after, until]: cached pages rendered
 * before it still show them as not yet public (lib/cache/scheduler.ts).
 */
export async function scheduledArticlesDue(after: Date, until: Date): Promise<string[]> {
  const rows = await db.article.findMany({
    where: { status: "SCHEDULED", publishedAt: { gt: after, lte: until }, deletedAt: null },
    select: { slug: true },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => row.slug);
}

/** When the next scheduled article goes live, after `now`; null when none is waiting. */
export async function nextScheduledPublication(now: Date): Promise<Date | null> {
  const next = await db.article.findFirst({
    where: { status: "SCHEDULED", publishedAt: { gt: now }, deletedAt: null },
    select: { publishedAt: true },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
  });
  return next?.publishedAt ?? null;
}

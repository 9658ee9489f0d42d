import { setTimeout as sleep } from "node:timers/promises";
import {
  lostAcknowledgedComments,
  markerLikePattern,
  prepareTargets,
  runCommentLoad,
  storedByMarker,
  summarize,
} from "../../shared/comment-load";
import type { CommentOutcome } from "../../shared/comment-post";
import type { PortalServer } from "../../shared/portal-server";
import { withArchiveReader } from "./archive-reader";
import type { LoadFigures, LoadSettings } from "./load";

export interface CommentFigures extends LoadFigures {
  outcomes: Partial<Record<CommentOutcome | "network-error", number>>;
  /** Published or held: the reader was told the comment was taken. */
  accepted: number;
  acceptedPerSecond: number;
  /** This run's comments found in the database afterwards. */
  stored: number;
  /** Comments the server said it took that are not stored as it said. */
  missing: number;
}

// Answers still on their way when the clock stops are counted before the database is read.
const IN_FLIGHT_GRACE_MS = 2_000;

/**
 * Readers posting comments to one article through its form, as a browser without JavaScript does,
 * with the drills' driver (scripts/shared/comment-load.ts); then every comment the server said it
 * took is looked up in the database.
 */
export async function measureCommentPosting(
  server: PortalServer,
  article: { id: number; path: string },
  databaseUrl: string,
  settings: LoadSettings,
): Promise<CommentFigures> {
  const targets = await prepareTargets(server.baseUrl, [article]);
  const load = (runId: string, seconds: number) =>
    runCommentLoad({
      baseUrl: server.baseUrl,
      targets,
      connections: settings.connections,
      durationMs: seconds * 1000,
      runId,
    });
  const runId = Date.now().toString(36);
  if (settings.warmupSeconds > 0) await load(`${runId}w`, settings.warmupSeconds);

  const cpuBefore = server.cpuSeconds() ?? 0;
  const startedAt = Date.now();
  const attempts = await load(runId, settings.durationSeconds);
  const seconds = (Date.now() - startedAt) / 1000;
  const serverCores = ((server.cpuSeconds() ?? 0) - cpuBefore) / seconds;
  await sleep(IN_FLIGHT_GRACE_MS);

  const rows = await withArchiveReader(databaseUrl, (archive) => archive.commentsLike(markerLikePattern(runId)));
  const stored = storedByMarker(rows, runId);
  const summary = summarize(attempts, seconds * 1000);
  const accepted = summary.byOutcome.published + summary.byOutcome.held;
  const timedOut = attempts.filter((attempt) => attempt.error?.startsWith("TimeoutError")).length;
  return {
    requestsPerSecond: summary.requests / seconds,
    latencyMs: summary.latencyMs,
    requests: summary.requests,
    seconds,
    errors: summary.byOutcome["network-error"] - timedOut,
    timeouts: timedOut,
    // A comment taken without JavaScript is answered 303 (lib/comments/answers.ts): not a failure.
    non2xx: attempts.filter((attempt) => (attempt.httpStatus ?? 0) >= 400).length,
    // The body only: fetch does not hand over the headers' bytes.
    bytesPerResponse: average(attempts.map((attempt) => attempt.responseBytes)),
    serverCores,
    outcomes: Object.fromEntries(Object.entries(summary.byOutcome).filter(([, count]) => count > 0)),
    accepted,
    acceptedPerSecond: accepted / seconds,
    stored: stored.size,
    missing: lostAcknowledgedComments(attempts, stored).length,
  };
}

const average = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/*
 * Comment load over HTTP, for the benchmark and the drills alike: N connections, each posting
 * comments one after another for a while through the article page's form, every comment carrying a
 * unique marker so the database can be checked against what readers were told. Plain fetch rather
 * than a load generator: each attempt's answer, time and failure is kept, for the drills' checks.
 */
import { loadCommentForm, postComment, type CommentForm, type CommentOutcome } from "./comment-post";
import { figure } from "./ops-report";

// As long as a browser would wait: a slow answer is a figure (latency), not a failure.
const REQUEST_TIMEOUT_MS = 120_000;

export interface LoadTarget {
  articleId: number;
  path: string;
  form: CommentForm;
}

export interface CommentAttempt {
  marker: string;
  articleId: number;
  sentAt: number;
  /** When the whole answer had arrived; null when none did. */
  answeredAt: number | null;
  httpStatus: number | null;
  outcome: CommentOutcome | "network-error";
  /** The answer's body, in bytes. */
  responseBytes: number;
  /** Why no answer came (refused, reset, timeout), for a network error. */
  error?: string;
}

export interface LoadOptions {
  baseUrl: string;
  targets: LoadTarget[];
  connections: number;
  durationMs: number;
  /** Makes this run's markers unique in the database. */
  runId: string;
  /** A returning commenter's address, so the comments publish at once; without it they wait for moderation. */
  authorEmail?: string;
  /** Ends the load early (when the server is being killed on purpose). */
  stopped?: () => boolean;
  /** Called with each answered (or failed) attempt as it completes. */
  onAttempt?: (attempt: CommentAttempt) => void;
}

const markerFor = (runId: string, sequence: number) => `ops-${runId}-${sequence}`;
/** Matches one marker whole: `ops-ab12-7` never matches inside `ops-ab12-71`. */
const markerPattern = (runId: string) => new RegExp(`ops-${runId}-\\d+(?!\\d)`);

/** Each article's comment form, fetched once: its token only records when it was served. */
export async function prepareTargets(
  baseUrl: string,
  articles: readonly { id: number; path: string }[],
): Promise<LoadTarget[]> {
  return Promise.all(
    articles.map(async (article) => ({
      articleId: article.id,
      path: article.path,
      form: await loadCommentForm(baseUrl, article.path),
    })),
  );
}

export async function runCommentLoad(options: LoadOptions): Promise<CommentAttempt[]> {
  const attempts: CommentAttempt[] = [];
  const deadline = Date.now() + options.durationMs;
  let next = 0;
  const worker = async (connection: number) => {
    while (Date.now() < deadline && !options.stopped?.()) {
      const sequence = next++;
      const target = options.targets[sequence % options.targets.length];
      const marker = markerFor(options.runId, sequence);
      const attempt: CommentAttempt = {
        marker,
        articleId: target.articleId,
        sentAt: Date.now(),
        answeredAt: null,
        httpStatus: null,
        outcome: "network-error",
        responseBytes: 0,
      };
      try {
        const answer = await postComment(
          options.baseUrl,
          target.form,
          { authorName: `قارئ ${connection + 1}`, authorEmail: options.authorEmail, body: `تعليق تحت الحمل ${marker}` },
          { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
        );
        attempt.answeredAt = Date.now();
        attempt.httpStatus = answer.status;
        attempt.outcome = answer.outcome;
        attempt.responseBytes = Buffer.byteLength(answer.html);
      } catch (error) {
        // Refused connection, reset or timeout: the attempt stays a network error, unacknowledged.
        attempt.error = describeFailure(error);
      }
      attempts.push(attempt);
      options.onAttempt?.(attempt);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, connection) => worker(connection)));
  return attempts;
}

/**
 * Resolves `reached` once `count` comments have been answered "published": events timed by answers,
 * not by the clock, still land mid-load on a machine too busy to answer within a fixed delay.
 */
export function whenPublished(count: number): { onAttempt: (attempt: CommentAttempt) => void; reached: Promise<void> } {
  let published = 0;
  let resolve: () => void = () => undefined;
  const reached = new Promise<void>((done) => (resolve = done));
  return {
    reached,
    onAttempt: (attempt) => {
      if (attempt.outcome === "published" && ++published >= count) resolve();
    },
  };
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : "";
  return `${error.name} ${error.message}${cause}`;
}

export interface LoadSummary {
  requests: number;
  byOutcome: Record<CommentAttempt["outcome"], number>;
  serverErrors: number;
  /** Answered "published" per second. */
  acceptedPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

export function summarize(attempts: readonly CommentAttempt[], elapsedMs: number): LoadSummary {
  const byOutcome: LoadSummary["byOutcome"] = {
    published: 0,
    held: 0,
    closed: 0,
    refused: 0,
    unknown: 0,
    "network-error": 0,
  };
  for (const attempt of attempts) byOutcome[attempt.outcome] += 1;
  const latencies = attempts
    .filter((attempt) => attempt.answeredAt !== null)
    .map((attempt) => (attempt.answeredAt as number) - attempt.sentAt)
    .sort((a, b) => a - b);
  return {
    requests: attempts.length,
    byOutcome,
    serverErrors: attempts.filter((attempt) => (attempt.httpStatus ?? 0) >= 500).length,
    acceptedPerSecond: byOutcome.published / (elapsedMs / 1000),
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p97_5: percentile(latencies, 0.975),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? 0,
    },
  };
}

export function printSummary(summary: LoadSummary, elapsedMs: number): void {
  figure("requests", `${summary.requests} in ${(elapsedMs / 1000).toFixed(1)} s`);
  figure(
    "answers",
    Object.entries(summary.byOutcome)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(", "),
  );
  figure("accepted (published) per second", summary.acceptedPerSecond.toFixed(1));
  figure(
    "latency p50 / p99 / max",
    `${summary.latencyMs.p50} / ${summary.latencyMs.p99} / ${summary.latencyMs.max} ms`,
  );
  figure("HTTP 5xx answers", summary.serverErrors);
}

export interface StoredComment {
  articleId: number;
  status: string;
}

/** The stored comments that carry one of the run's markers, by marker, from the rows `markerLikePattern` finds. */
export function storedByMarker<Row extends StoredComment & { body: string }>(
  rows: readonly Row[],
  runId: string,
): Map<string, Row> {
  const pattern = markerPattern(runId);
  const found = new Map<string, Row>();
  for (const row of rows) {
    const marker = row.body.match(pattern)?.[0];
    if (marker) found.set(marker, row);
  }
  return found;
}

/** A LIKE pattern matching every comment of the run (markers hold no `%` or `_`). */
export const markerLikePattern = (runId: string) => `%ops-${runId}-%`;

/**
 * Markers of comments the reader was told were taken that are not stored as told: "published" must
 * be an approved comment of its article, "held" one of its article in any state (moderation decides).
 */
export function lostAcknowledgedComments(
  attempts: readonly CommentAttempt[],
  stored: ReadonlyMap<string, StoredComment>,
): string[] {
  return attempts
    .filter((attempt) => attempt.outcome === "published" || attempt.outcome === "held")
    .filter((attempt) => {
      const row = stored.get(attempt.marker);
      return (
        !row || row.articleId !== attempt.articleId || (attempt.outcome === "published" && row.status !== "APPROVED")
      );
    })
    .map((attempt) => attempt.marker);
}

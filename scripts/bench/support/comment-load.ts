import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import {
  commentOutcome,
  commentRequestBody,
  loadCommentForm,
  type CommentForm,
  type CommentOutcome,
} from "../../shared/comment-post";
import { COMMENT_SENTENCES, FAMILY_NAMES, FIRST_NAMES } from "./arabic-vocabulary";
import { withArchiveReader } from "./archive-reader";
import type { LoadFigures, LoadSettings } from "./load";
import { cpuSeconds } from "./processes";

export interface CommentFigures extends LoadFigures {
  outcomes: Partial<Record<CommentOutcome, number>>;
  /** Published or held: the reader was told the comment was taken. */
  accepted: number;
  acceptedPerSecond: number;
  /** This run's comments found in the database afterwards. */
  stored: number;
  /** Comments the server said it took that are not in the database. */
  missing: number;
}

const IN_FLIGHT_GRACE_MS = 2_000;

/**
 * Readers posting comments through the article page's form, as a browser without JavaScript
 * does. Each comment carries a unique marker, so every one the server says it took is looked up
 * in the database afterwards. autocannon rather than wrk: every request has its own body, and
 * every answer is read by the same code as the other tools' (scripts/shared/comment-post.ts).
 */
export async function measureCommentPosting(
  baseUrl: string,
  articlePath: string,
  databaseUrl: string,
  settings: LoadSettings,
  serverPid: number,
): Promise<CommentFigures> {
  const form = await loadCommentForm(baseUrl, articlePath);
  const actionPath = new URL(form.actionUrl).pathname;
  const run = randomBytes(4).toString("hex");
  const url = new URL(actionPath, baseUrl).toString();

  if (settings.warmupSeconds > 0) {
    await runLoad(
      url,
      settings.connections,
      settings.warmupSeconds,
      commentRequests(form, baseUrl, `${run}w`, new Set()),
    );
  }
  const accepted = new Set<string>();
  const outcomes: Partial<Record<CommentOutcome, number>> = {};
  const cpuBefore = cpuSeconds([serverPid]);
  const figures = await runLoad(
    url,
    settings.connections,
    settings.durationSeconds,
    commentRequests(form, baseUrl, run, accepted, outcomes),
  );
  const serverCores = (cpuSeconds([serverPid]) - cpuBefore) / figures.seconds;
  await sleep(IN_FLIGHT_GRACE_MS);

  const stored = await storedMarkers(databaseUrl, run);
  const missing = [...accepted].filter((marker) => !stored.has(marker)).length;
  return {
    ...figures,
    serverCores,
    outcomes,
    accepted: accepted.size,
    acceptedPerSecond: accepted.size / figures.seconds,
    stored: stored.size,
    missing,
  };
}

function commentRequests(
  form: CommentForm,
  baseUrl: string,
  run: string,
  accepted: Set<string>,
  outcomes: Partial<Record<CommentOutcome, number>> = {},
): autocannon.Request[] {
  let sent = 0;
  const origin = new URL(baseUrl).origin;
  return [
    {
      method: "POST",
      setupRequest: (request, context: { marker?: string }) => {
        sent += 1;
        context.marker = `${run}-${sent}`;
        const { body, contentType } = commentRequestBody(form, {
          authorName: `${FIRST_NAMES[sent % FIRST_NAMES.length]} ${FAMILY_NAMES[sent % FAMILY_NAMES.length]}`,
          body: `${COMMENT_SENTENCES[sent % COMMENT_SENTENCES.length].replaceAll("{topic}", "هذا الموضوع")} [${context.marker}]`,
        });
        return { ...request, body, headers: { "content-type": contentType, origin, accept: "text/html" } };
      },
      onResponse: (status, html, context: { marker?: string }, headers) => {
        const outcome = commentOutcome(status, headerValue(headers, "location"), html);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if ((outcome === "published" || outcome === "held") && context.marker) accepted.add(context.marker);
      },
    },
  ];
}

/** autocannon hands the raw header names as the server wrote them ("Location"). */
function headerValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | null {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return typeof value === "string" ? value : null;
}

async function storedMarkers(databaseUrl: string, run: string): Promise<Set<string>> {
  const bodies = await withArchiveReader(databaseUrl, (archive) => archive.commentBodiesContaining(`[${run}-`));
  return new Set(bodies.filter((body) => body.endsWith("]")).map((body) => body.slice(body.lastIndexOf("[") + 1, -1)));
}

async function runLoad(
  url: string,
  connections: number,
  seconds: number,
  requests: autocannon.Request[],
): Promise<Omit<LoadFigures, "serverCores">> {
  const result = await autocannon({ url, connections, duration: seconds, requests });
  const { latency } = result;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    latencyMs: { p50: latency.p50, p97_5: latency.p97_5, p99: latency.p99, max: latency.max },
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    // A comment taken without JavaScript is answered 303 (lib/comments/answers.ts): not a failure.
    non2xx: result.non2xx - (result.statusCodeStats?.["303"]?.count ?? 0),
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

// `npm run ops:crash [-- --connections 20 --kill-after-acks 40]`
// A burst of comments, and the server process SIGKILLed in the middle of it (no shutdown of any
// kind), once a given number of comments have been acknowledged and others are in flight. Then:
// the file passes PRAGMA integrity_check, every comment acknowledged before the kill is stored, and
// the server started again on the same file answers and takes comments.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { freshDatabase, sqliteUrl, tempDir } from "../shared/commands";
import {
  lostAcknowledgedComments,
  prepareTargets,
  printSummary,
  runCommentLoad,
  summarize,
  whenPublished,
} from "../shared/comment-load";
import { postComment } from "../shared/comment-post";
import { Checks, figure, heading, machineFigures, parseIntegerFlag, runOps } from "../shared/ops-report";
import {
  commentsByMarker,
  createOpenArticles,
  createReturningCommenter,
  integrityCheck,
  type OpenArticle,
} from "../shared/portal-db";
import { FLOOD_LIMITS_OFF, startServer } from "../shared/portal-server";

// The burst would run this long; the kill comes well before.
const BURST_MS = 60_000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { connections: { type: "string" }, "kill-after-acks": { type: "string" } } });
  const connections = parseIntegerFlag(values.connections, "connections", 20);
  const killAfterAcks = Math.max(1, parseIntegerFlag(values["kill-after-acks"], "kill-after-acks", 40));

  heading("setup");
  machineFigures();
  const databaseFile = await freshDatabase(tempDir("crash"));
  const articles = createOpenArticles(databaseFile, 3);
  const returningEmail = createReturningCommenter(databaseFile);
  const first = await startServer({ databaseUrl: sqliteUrl(databaseFile), env: FLOOD_LIMITS_OFF });
  figure("database", databaseFile);
  figure("server", `${first.baseUrl} (pid ${first.pid}, the node process itself)`);

  const checks = new Checks();
  const runId = randomBytes(4).toString("hex");
  const targets = await prepareTargets(first.baseUrl, articles);
  let killing = false;
  const killTime = whenPublished(killAfterAcks);
  const startedAt = Date.now();
  const burst = runCommentLoad({
    baseUrl: first.baseUrl,
    targets,
    connections,
    durationMs: BURST_MS,
    runId,
    authorEmail: returningEmail,
    stopped: () => killing,
    onAttempt: killTime.onAttempt,
  });
  await Promise.race([killTime.reached, burst]);
  killing = true;
  const killedAt = Date.now();
  await first.kill();
  const exitCode = await first.exited;
  const attempts = await burst;

  heading(
    `burst, SIGKILL after ${killAfterAcks} acknowledged comments (${((killedAt - startedAt) / 1000).toFixed(1)} s)`,
  );
  printSummary(summarize(attempts, killedAt - startedAt), killedAt - startedAt);
  const acknowledged = attempts.filter((attempt) => attempt.outcome === "published");
  const inFlight = attempts.filter((attempt) => attempt.answeredAt === null);
  figure("acknowledged before the kill", acknowledged.length);
  figure("in flight at the kill (no answer)", inFlight.length);

  heading("checks on the file the crash left");
  checks.check(
    exitCode === null,
    "the server process died of the signal, not of its own accord",
    `exit code ${exitCode}`,
  );
  checks.check(
    acknowledged.length > 0 && inFlight.length > 0,
    "the kill came in the middle of the burst",
    `${acknowledged.length} acknowledged, ${inFlight.length} in flight`,
  );
  const integrityBefore = integrityCheck(databaseFile);
  checks.check(integrityBefore === "ok", "PRAGMA integrity_check before restarting", integrityBefore);
  const lostBefore = lostAcknowledgedComments(attempts, commentsByMarker(databaseFile, runId));
  checks.check(
    lostBefore.length === 0,
    "every acknowledged comment is in the file",
    `${acknowledged.length - lostBefore.length}/${acknowledged.length}${lostBefore.length ? `, missing e.g. ${lostBefore.slice(0, 5).join(", ")}` : ""}`,
  );

  heading("restart on the same file");
  const second = await startServer({ databaseUrl: sqliteUrl(databaseFile), env: FLOOD_LIMITS_OFF });
  try {
    figure("server", `${second.baseUrl} (pid ${second.pid})`);
    const health = await fetch(`${second.baseUrl}/api/health`);
    checks.check(
      health.status === 200,
      "the restarted server answers /api/health",
      `HTTP ${health.status} ${await health.text()}`,
    );
    const after = await commentAfterRestart(second.baseUrl, articles[0], returningEmail, runId);
    checks.check(after.ok, "the restarted server takes a comment", after.detail);
  } finally {
    await second.stop();
  }
  const integrityAfter = integrityCheck(databaseFile);
  checks.check(integrityAfter === "ok", "PRAGMA integrity_check after the restart", integrityAfter);
  const lostAfter = lostAcknowledgedComments(attempts, commentsByMarker(databaseFile, runId));
  checks.check(
    lostAfter.length === 0,
    "every comment acknowledged before the kill is still there",
    `${acknowledged.length - lostAfter.length}/${acknowledged.length}`,
  );
  return checks.finish("ops:crash");
}

/** One comment on the restarted server; a page that no longer renders is a failed check, not a broken run. */
async function commentAfterRestart(
  baseUrl: string,
  article: OpenArticle,
  authorEmail: string,
  runId: string,
): Promise<{ ok: boolean; detail: string }> {
  try {
    const [target] = await prepareTargets(baseUrl, [article]);
    const answer = await postComment(baseUrl, target.form, {
      authorName: "قارئ بعد العودة",
      authorEmail,
      body: `بعد إعادة التشغيل ops-${runId}-after`,
    });
    // Taken without JavaScript: a 303 to the article at its notice (lib/comments/answers.ts).
    return {
      ok: answer.status === 303 && answer.outcome === "published",
      detail: `HTTP ${answer.status}, ${answer.outcome}`,
    };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

runOps(main);

// `npm run ops:backup-under-load [-- --connections 20 --duration 12 --backup-after-acks 20 --prefill 20000 --backup-timeout 40]`
// `npm run backup` taken while readers post comments, on a database of realistic size (`--prefill`
// old comments of about 2 KB), then `npm run restore` into a new directory and a server started on
// the restored file: the backup finishes while the load goes on, integrity ok, every comment
// acknowledged before the backup started is in the copy, and the article pages render with the
// copy's counts.
import { statSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import { type CommandResult, freshDatabase, npmRun, sqliteUrl, tempDir } from "../shared/commands";
import { fetchArticlePage } from "../shared/article-page";
import {
  lostAcknowledgedComments,
  prepareTargets,
  printSummary,
  runCommentLoad,
  summarize,
  whenPublished,
} from "../shared/comment-load";
import { Checks, figure, heading, machineFigures, parseIntegerFlag, runOps } from "../shared/ops-report";
import {
  approvedCommentCount,
  commentsByMarker,
  createOpenArticles,
  createReturningCommenter,
  integrityCheck,
  prefillComments,
} from "../shared/portal-db";
import { FLOOD_LIMITS_OFF, startServer } from "../shared/portal-server";

// However slow the machine, the load stops here.
const LOAD_LIMIT_MS = 120_000;

const megabytes = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
const lastLine = (output: string) => output.trim().split("\n").at(-1) ?? "";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      connections: { type: "string" },
      duration: { type: "string" },
      "backup-after-acks": { type: "string" },
      prefill: { type: "string" },
      "backup-timeout": { type: "string" },
    },
  });
  const connections = parseIntegerFlag(values.connections, "connections", 20);
  const durationSeconds = parseIntegerFlag(values.duration, "duration", 12);
  const backupAfterAcks = Math.max(1, parseIntegerFlag(values["backup-after-acks"], "backup-after-acks", 20));
  const prefill = parseIntegerFlag(values.prefill, "prefill", 20_000);
  const backupTimeoutSeconds = parseIntegerFlag(values["backup-timeout"], "backup-timeout", 40);

  heading("setup");
  machineFigures();
  const liveDir = tempDir("backup-live");
  const databaseFile = await freshDatabase(liveDir);
  prefillComments(databaseFile, prefill);
  const articles = createOpenArticles(databaseFile, 3);
  const returningEmail = createReturningCommenter(databaseFile);
  const live = await startServer({ databaseUrl: sqliteUrl(databaseFile), env: FLOOD_LIMITS_OFF });
  figure("live database", `${databaseFile} (${megabytes(databaseFile)}, ${prefill} old comments)`);
  figure("server", `${live.baseUrl} (pid ${live.pid})`);

  const checks = new Checks();
  const runId = randomBytes(4).toString("hex");
  const backupFile = path.join(liveDir, "backups", "under-load.db");
  const startedAt = Date.now();
  const { attempts, backup } = await (async () => {
    try {
      const targets = await prepareTargets(live.baseUrl, articles);
      let backupEnded = false;
      const backupTime = whenPublished(backupAfterAcks);
      // The load goes on for --duration, and for as long as the backup runs if that is longer.
      const load = runCommentLoad({
        baseUrl: live.baseUrl,
        targets,
        connections,
        durationMs: LOAD_LIMIT_MS,
        runId,
        authorEmail: returningEmail,
        stopped: () => backupEnded && Date.now() - startedAt >= durationSeconds * 1000,
        onAttempt: backupTime.onAttempt,
      });
      await Promise.race([backupTime.reached, delay(LOAD_LIMIT_MS)]);
      const backupStartedAt = Date.now();
      const result: CommandResult = await npmRun("backup", [backupFile], databaseFile, {
        timeoutMs: backupTimeoutSeconds * 1000,
      });
      backupEnded = true;
      return { attempts: await load, backup: { ...result, startedAt: backupStartedAt, endedAt: Date.now() } };
    } finally {
      await live.stop();
    }
  })();
  const elapsedMs = Date.now() - startedAt;

  heading("load, with `npm run backup` during it");
  printSummary(summarize(attempts, elapsedMs), elapsedMs);
  const publishedBetween = (from: number, to: number) =>
    attempts.filter(
      (attempt) =>
        attempt.outcome === "published" &&
        (attempt.answeredAt as number) >= from &&
        (attempt.answeredAt as number) < to,
    );
  const ackedBeforeBackup = publishedBetween(0, backup.startedAt);
  const ackedDuringBackup = publishedBetween(backup.startedAt, backup.endedAt);
  figure(
    "backup",
    `${((backup.endedAt - backup.startedAt) / 1000).toFixed(1)} s, ${backup.timedOut ? `killed after ${backupTimeoutSeconds} s` : `exit ${backup.code}`}: ${lastLine(backup.output)}`,
  );
  figure("published before / during the backup", `${ackedBeforeBackup.length} / ${ackedDuringBackup.length}`);
  checks.check(
    !backup.timedOut && backup.code === 0,
    `npm run backup finished under load within ${backupTimeoutSeconds} s`,
    backup.timedOut ? "still copying when stopped" : `exit ${backup.code}`,
  );
  checks.check(
    ackedDuringBackup.length > 0,
    "comments were being published while the backup ran",
    `${ackedDuringBackup.length}`,
  );
  if (backup.timedOut || backup.code !== 0) return checks.finish("ops:backup-under-load");

  heading("restore into a new directory");
  const restoredFile = path.join(tempDir("backup-restored"), "portal.db");
  const restore = await npmRun("restore", [backupFile], restoredFile);
  figure("restore", `exit ${restore.code}: ${lastLine(restore.output)}`);
  checks.check(restore.code === 0, "npm run restore succeeded", `exit ${restore.code}`);
  figure("restored file", `${restoredFile} (${megabytes(restoredFile)})`);
  const integrity = integrityCheck(restoredFile);
  checks.check(integrity === "ok", "PRAGMA integrity_check of the restored file", integrity);
  const lost = lostAcknowledgedComments(ackedBeforeBackup, commentsByMarker(restoredFile, runId));
  checks.check(
    lost.length === 0 && ackedBeforeBackup.length > 0,
    "every comment published before the backup started is in the restored copy",
    `${ackedBeforeBackup.length - lost.length}/${ackedBeforeBackup.length}${lost.length ? `, missing e.g. ${lost.slice(0, 5).join(", ")}` : ""}`,
  );

  heading("a server on the restored file");
  const restored = await startServer({ databaseUrl: sqliteUrl(restoredFile) });
  try {
    figure("server", `${restored.baseUrl} (pid ${restored.pid})`);
    // What the restore tells the operator to do once the portal runs on the restored file.
    await restored.purgeCache();
    for (const article of articles) {
      const page = await fetchArticlePage(restored.baseUrl, article.path);
      const approved = approvedCommentCount(restoredFile, article.id);
      checks.check(
        page.status === 200 && page.shownCommentCount === approved,
        `article ${article.id} renders from the copy with its count`,
        `HTTP ${page.status}, page shows "${page.commentsHeading}", copy has ${approved} approved`,
      );
    }
  } finally {
    await restored.stop();
  }
  return checks.finish("ops:backup-under-load");
}

runOps(main);

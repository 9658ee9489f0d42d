// `npm run ops:comment-load [-- --connections 50 --duration 20 --articles 4 --close-after 10]`
// Readers' comments under concurrent load on the built app, with the flood limits off and returning
// commenters (published at once); halfway through, an editor closes one article through the
// newsroom. Checks against the database: no acknowledged comment lost, no lock errors, the count
// each page shows is the approved rows, and nothing stored on the closed article after the close.
import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import { freshDatabase, sqliteUrl, tempDir } from "../shared/commands";
import { fetchArticlePage } from "../shared/article-page";
import {
  lostAcknowledgedComments,
  prepareTargets,
  printSummary,
  runCommentLoad,
  summarize,
  type CommentAttempt,
} from "../shared/comment-load";
import {
  clickActionButton,
  createAccount,
  loadSignInForm,
  submitSignIn,
  type ClickAnswer,
} from "../shared/newsroom-http";
import { Checks, figure, heading, machineFigures, parseIntegerFlag, runOps } from "../shared/ops-report";
import {
  approvedCommentCount,
  commentsByMarker,
  commentsOpen,
  createOpenArticles,
  createReturningCommenter,
  latestCommentAt,
} from "../shared/portal-db";
import { busyErrorLines, FLOOD_LIMITS_OFF, startServer } from "../shared/portal-server";

const CLOSE_LABEL = "إغلاق التعليقات";
const POSTS_AFTER_CLOSE = 5;
const LOAD_EXTENSION_MS = 60_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      connections: { type: "string" },
      duration: { type: "string" },
      articles: { type: "string" },
      "close-after": { type: "string" },
    },
  });
  const connections = parseIntegerFlag(values.connections, "connections", 50);
  const durationSeconds = parseIntegerFlag(values.duration, "duration", 20);
  const articleCount = Math.max(2, parseIntegerFlag(values.articles, "articles", 4));
  // 0: no close during the load.
  const closeAfterSeconds = parseIntegerFlag(values["close-after"], "close-after", Math.floor(durationSeconds / 2));

  heading("setup");
  machineFigures();
  const dir = tempDir("comment-load");
  const databaseFile = await freshDatabase(dir);
  figure("database", databaseFile);
  const articles = createOpenArticles(databaseFile, articleCount);
  const returningEmail = createReturningCommenter(databaseFile);
  const editor = {
    email: "editor@ops.test",
    name: "محرر التشغيل",
    role: "EDITOR" as const,
    password: randomBytes(12).toString("hex"),
  };
  await createAccount(databaseFile, editor);
  figure("editor account", editor.email);
  const server = await startServer({ databaseUrl: sqliteUrl(databaseFile), env: FLOOD_LIMITS_OFF });
  figure("server", `${server.baseUrl} (pid ${server.pid})`);
  figure("load", `${connections} connections, ${durationSeconds} s, ${articleCount} articles`);

  const checks = new Checks();
  try {
    const targets = await prepareTargets(server.baseUrl, articles);
    const signedIn = await submitSignIn(
      server.baseUrl,
      await loadSignInForm(server.baseUrl),
      editor.email,
      editor.password,
    );
    if (signedIn.outcome !== "signed-in" || !signedIn.cookie)
      throw new Error(`the editor could not sign in: ${signedIn.message}`);
    const editorCookie = signedIn.cookie;

    const runId = randomBytes(4).toString("hex");
    const cpuBefore = server.cpuSeconds();
    const startedAt = Date.now();
    const closing = articles[0];
    const closes = closeAfterSeconds > 0 && closeAfterSeconds < durationSeconds;
    let closeAnsweredAt: number | null = null;
    let answeredAfterClose = 0;
    const close: Promise<ClickAnswer | null> = closes
      ? delay(closeAfterSeconds * 1000)
          .then(() => clickActionButton(server.baseUrl, `/admin/articles/${closing.id}`, editorCookie, CLOSE_LABEL))
          .then((answer) => ((closeAnsweredAt = answer.answeredAt), answer))
      : Promise.resolve(null);
    // On a slow machine the close may be answered near the end: the load then goes on until some
    // posts to the closed article were sent after it (within LOAD_EXTENSION_MS).
    const attempts = await runCommentLoad({
      baseUrl: server.baseUrl,
      targets,
      connections,
      durationMs: durationSeconds * 1000 + LOAD_EXTENSION_MS,
      runId,
      authorEmail: returningEmail,
      stopped: () =>
        Date.now() - startedAt >= durationSeconds * 1000 && (!closes || answeredAfterClose >= POSTS_AFTER_CLOSE),
      onAttempt: (attempt) => {
        if (closeAnsweredAt !== null && attempt.articleId === closing.id && attempt.sentAt > closeAnsweredAt)
          answeredAfterClose += 1;
      },
    });
    const elapsedMs = Date.now() - startedAt;
    const cpuAfter = server.cpuSeconds();
    const closed = await close;

    heading("load");
    const summary = summarize(attempts, elapsedMs);
    printSummary(summary, elapsedMs);
    if (cpuBefore !== null && cpuAfter !== null) {
      figure(
        "server CPU per request",
        `${(((cpuAfter - cpuBefore) * 1000) / summary.requests).toFixed(0)} ms (${(cpuAfter - cpuBefore).toFixed(1)} s in all)`,
      );
    }
    const busyLines = busyErrorLines(server.output());
    figure("SQLITE_BUSY / locked in server log", busyLines.length);
    for (const line of busyLines.slice(0, 5)) console.log(`    ${line.slice(0, 200)}`);

    heading("checks");
    const onClosing = (attempt: CommentAttempt) => closed !== null && attempt.articleId === closing.id;
    const unexpected = attempts.filter(
      (attempt) => attempt.outcome !== "published" && !(onClosing(attempt) && attempt.outcome === "closed"),
    );
    checks.check(
      unexpected.length === 0,
      "every request answered 'published' (or 'closed' on the closed article)",
      `${unexpected.length} other answers${
        unexpected.length
          ? `, e.g. ${unexpected
              .slice(0, 3)
              .map((a) => `${a.marker}: ${a.outcome} HTTP ${a.httpStatus}${a.error ? ` (${a.error})` : ""}`)
              .join("; ")}`
          : ""
      }`,
    );
    checks.check(summary.serverErrors === 0, "no HTTP 5xx", `${summary.serverErrors}`);
    checks.check(
      busyLines.length === 0,
      "no SQLITE_BUSY or 'database is locked' in the server log",
      `${busyLines.length} lines`,
    );
    const lost = lostAcknowledgedComments(attempts, commentsByMarker(databaseFile, runId));
    checks.check(
      lost.length === 0 && summary.byOutcome.published > 0,
      "every comment answered 'published' is stored, approved, on its article",
      `${summary.byOutcome.published - lost.length}/${summary.byOutcome.published} found${lost.length ? `, missing e.g. ${lost.slice(0, 5).join(", ")}` : ""}`,
    );

    for (const article of articles) {
      const page = await fetchArticlePage(server.baseUrl, article.path);
      const approved = approvedCommentCount(databaseFile, article.id);
      checks.check(
        page.status === 200 && page.shownCommentCount === approved,
        `article ${article.id}: the page's count equals its APPROVED rows`,
        `page shows "${page.commentsHeading}" (${page.shownCommentCount}), database has ${approved}`,
      );
    }

    if (closed) checkClose(checks, databaseFile, runId, closing.id, closed, attempts);
    else console.log("(no close during this run: --close-after 0 or not below --duration)");
  } finally {
    await server.stop();
  }
  return checks.finish("ops:comment-load");
}

/** The close committed between `postedAt` and `answeredAt`: no comment may be stored after it. */
function checkClose(
  checks: Checks,
  databaseFile: string,
  runId: string,
  articleId: number,
  closed: ClickAnswer,
  attempts: readonly CommentAttempt[],
): void {
  heading(`close of article ${articleId} during the load`);
  const onArticle = attempts.filter((attempt) => attempt.articleId === articleId);
  const sentAfter = onArticle.filter((attempt) => attempt.sentAt > closed.answeredAt);
  const inWindow = onArticle.filter(
    (attempt) => attempt.sentAt >= closed.postedAt && attempt.sentAt <= closed.answeredAt,
  );
  figure("close request → answer", `${closed.answeredAt - closed.postedAt} ms (HTTP ${closed.status})`);
  figure(
    "posts to it sent before / during / after",
    `${onArticle.length - sentAfter.length - inWindow.length} / ${inWindow.length} / ${sentAfter.length}`,
  );
  const latest = latestCommentAt(databaseFile, articleId);
  figure(
    "latest stored comment vs close answered",
    `${latest?.toISOString() ?? "none"} vs ${new Date(closed.answeredAt).toISOString()}`,
  );

  checks.check(
    closed.status === 200 && !commentsOpen(databaseFile, articleId),
    "the newsroom's close was answered and is stored",
    `HTTP ${closed.status}`,
  );
  checks.check(
    latest === null || latest.getTime() <= closed.answeredAt,
    "no comment on the closed article has createdAt after the close committed",
  );
  const notClosed = sentAfter.filter((attempt) => attempt.outcome !== "closed");
  checks.check(
    notClosed.length === 0 && sentAfter.length > 0,
    "every post sent after the close got the closed answer",
    `${sentAfter.length - notClosed.length}/${sentAfter.length}`,
  );
  const stored = commentsByMarker(databaseFile, runId);
  const storedDespiteClosed = onArticle.filter((attempt) => attempt.outcome === "closed" && stored.has(attempt.marker));
  checks.check(
    storedDespiteClosed.length === 0,
    "no comment answered 'closed' was stored",
    `${storedDespiteClosed.length}`,
  );
}

runOps(main);

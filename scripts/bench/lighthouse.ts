// `npm run bench:lighthouse [-- --no-build --articles=1000 --runs=3]`: Lighthouse (mobile) on the
// home and article pages of the production build, with the scores and Web Vitals next to the
// targets. Uses the system Chromium (CHROME_PATH, default /usr/bin/chromium); downloads nothing.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { articlePath } from "@/lib/paths";
import { positiveInteger } from "./lib/args";
import { createArchive } from "./lib/archive";
import { buildApp } from "./lib/build";
import { runLighthouse, lighthouseChecks, type LighthouseFigures } from "./lib/lighthouse-run";
import { machineHeader, packageVersion, printHeader } from "./lib/machine";
import { startNextServer } from "./lib/next-server";
import { verdict } from "./lib/report";
import { newestOpenArticle } from "./lib/routes";

const USAGE = `npm run bench:lighthouse -- [flags]
  --articles=1000   size of the synthetic archive served
  --runs=1          Lighthouse runs per page; the run with the median performance score is reported
  --port=3420       port of next start
  --no-build        use the existing .next build`;

const { values: flags } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    runs: { type: "string", default: "1" },
    port: { type: "string", default: "3420" },
    "no-build": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  strict: true,
});

async function main(): Promise<number> {
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const articles = positiveInteger("articles", flags.articles);
  const runs = positiveInteger("runs", flags.runs);
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath}: apt-get install -y chromium, or set CHROME_PATH`);
  const header = machineHeader("Chromium (Lighthouse's CPU slowdown is simulated on top of this machine's speed) and next start");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "portal-lighthouse-"));
  const pages: { page: string; url: string; figures: LighthouseFigures }[] = [];
  try {
    if (!flags["no-build"]) buildApp(scratch);
    const databaseFile = path.join(scratch, "portal.db");
    createArchive(databaseFile, articles);
    const db = new Database(databaseFile, { readonly: true });
    const article = articlePath(newestOpenArticle(db).slug);
    db.close();
    const server = await startNextServer({ workDir: scratch, port: positiveInteger("port", flags.port), databaseFile, appSecret: randomBytes(32).toString("hex") });
    try {
      for (const [page, pathname] of [["home", "/"], ["article", article]] as const) {
        const url = new URL(pathname, server.baseUrl).toString();
        console.log(`lighthouse ${page}…`);
        pages.push({ page, url, figures: await runLighthouse(url, { chromePath, runs, scratch }) });
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  printHeader("Lighthouse (mobile, simulated throttling) on the production build (next start)", header, [
    `lighthouse ${packageVersion("lighthouse")}, Chromium at ${chromePath}; ${articles.toLocaleString("en")}-article archive; ${runs} run(s) per page, median performance shown`,
  ]);
  const checks = pages.flatMap(({ page, figures }) => {
    console.log(
      `\n${page}: performance ${figures.scores.performance} · accessibility ${figures.scores.accessibility} · ` +
        `best practices ${figures.scores.bestPractices} · SEO ${figures.scores.seo}\n` +
        `  LCP ${Math.round(figures.lcpMs)} ms · CLS ${figures.cls.toFixed(3)} · TBT ${Math.round(figures.tbtMs)} ms · CPU benchmark index ${Math.round(figures.benchmarkIndex)}` +
        (figures.warnings.length ? `\n  warnings: ${figures.warnings.join(" | ")}` : ""),
    );
    const pageChecks = lighthouseChecks(figures);
    console.log(`  ${pageChecks.map(verdict).join("; ")}`);
    if (figures.failedAudits.length) console.log(`  audits below 100% in the scored categories: ${figures.failedAudits.join(", ")}`);
    return pageChecks;
  });
  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `${header.date.replace(/[:.]/g, "-")}-lighthouse.json`);
  writeFileSync(file, `${JSON.stringify({ header, articles, runs, pages }, null, 2)}\n`);
  const missed = checks.filter((check) => check.met === false).length;
  console.log(`\n${checks.length - missed} of ${checks.length} targets met\nresults: ${file}`);
  return missed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench:lighthouse failed: ${error.message}`);
    process.exit(2);
  },
);

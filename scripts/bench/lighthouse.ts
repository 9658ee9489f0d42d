// `npm run bench:lighthouse [-- --no-build --articles=1000 --runs=3 --database=postgresql]`:
// Lighthouse (mobile) on the home and article pages of the production build, with the scores and
// Web Vitals next to the targets. Uses the system Chromium (CHROME_PATH, default /usr/bin/chromium); downloads nothing.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { articlePath } from "@/lib/paths";
import { positiveInteger } from "./support/args";
import { createArchiveDatabase } from "./support/archive-database";
import { withArchiveReader } from "./support/archive-reader";
import {
  DEFAULT_DATABASE_PREFIX,
  DEFAULT_POSTGRESQL_SERVER,
  databaseLabel,
  databaseTarget,
  describeTarget,
} from "./support/bench-database";
import { buildApp } from "./support/build";
import { runLighthouse, lighthouseChecks, type LighthouseFigures } from "./support/lighthouse-run";
import { machineHeader, packageVersion, printHeader } from "./support/machine";
import { startServer } from "../shared/portal-server";
import { verdict } from "./support/report";

const USAGE = `npm run bench:lighthouse -- [flags]
  --articles=1000   size of the synthetic archive served
  --database=sqlite sqlite, or postgresql: the server at BENCH_POSTGRESQL_URL
                    (default ${DEFAULT_POSTGRESQL_SERVER}), in databases the run
                    creates and drops, named <prefix><run>_<purpose>
  --database-prefix=${DEFAULT_DATABASE_PREFIX}  prefix of those databases' names
  --runs=1          Lighthouse runs per page; the run with the median performance score is reported
  --port=3420       port of next start
  --no-build        use the existing .next build`;

const { values: flags } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    database: { type: "string", default: "sqlite" },
    "database-prefix": { type: "string", default: DEFAULT_DATABASE_PREFIX },
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
  if (!existsSync(chromePath))
    throw new Error(`no Chromium at ${chromePath}: apt-get install -y chromium, or set CHROME_PATH`);
  const target = databaseTarget(flags.database, flags["database-prefix"]);
  const database = await describeTarget(target);
  const header = machineHeader(
    "Chromium (Lighthouse's CPU slowdown is simulated on top of this machine's speed) and next start",
  );
  const scratch = mkdtempSync(path.join(os.tmpdir(), "portal-lighthouse-"));
  const pages: { page: string; url: string; figures: LighthouseFigures }[] = [];
  try {
    if (!flags["no-build"]) await buildApp(target, scratch);
    const { database: archive } = await createArchiveDatabase(target, scratch, articles);
    try {
      const article = articlePath((await withArchiveReader(archive.url, (reader) => reader.newestOpenArticle())).slug);
      const server = await startServer({
        databaseUrl: archive.url,
        port: positiveInteger("port", flags.port),
        isolatedIn: scratch,
      });
      try {
        for (const [page, pathname] of [
          ["home", "/"],
          ["article", article],
        ] as const) {
          const url = new URL(pathname, server.baseUrl).toString();
          console.log(`lighthouse ${page}…`);
          pages.push({ page, url, figures: await runLighthouse(url, { chromePath, runs, scratch }) });
        }
      } finally {
        await server.stop();
      }
    } finally {
      await archive.drop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  printHeader("Lighthouse (mobile, simulated throttling) on the production build (next start)", header, [
    `lighthouse ${packageVersion("lighthouse")}, Chromium at ${chromePath}; ${articles.toLocaleString("en")}-article archive on ${databaseLabel(database)}; ${runs} run(s) per page, median performance shown`,
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
    if (figures.failedAudits.length)
      console.log(`  audits below 100% in the scored categories: ${figures.failedAudits.join(", ")}`);
    return pageChecks;
  });
  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `${header.date.replace(/[:.]/g, "-")}-lighthouse-${database.provider}.json`);
  writeFileSync(file, `${JSON.stringify({ header, database, articles, runs, pages }, null, 2)}\n`);
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

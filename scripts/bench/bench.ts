// `npm run bench [-- --sizes=1000 --duration=5 --no-build --database=postgresql]`: load figures for
// the production build on synthetic archives, next to the machine's ceiling (nginx serving the same
// page from a file) and the targets, on SQLite (default) or PostgreSQL.
// Results: bench-results/<time>-<database>.json. `--help` lists the flags.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { positiveInteger, positiveIntegerList } from "./support/args";
import { buildApp } from "./support/build";
import { assertInstalled } from "./support/child-process";
import { measureCommentPosting } from "./support/comment-posting";
import { crawlSitemap, type SitemapCrawl } from "./support/sitemap-crawl";
import { machineHeader, printHeader } from "./support/machine";
import { measureLoad, type LoadSettings } from "./support/load";
import { createArchiveDatabase } from "./support/archive-database";
import { withArchiveReader } from "./support/archive-reader";
import {
  DEFAULT_DATABASE_PREFIX,
  DEFAULT_POSTGRESQL_SERVER,
  databaseLabel,
  databaseTarget,
  describeTarget,
  type DatabaseTarget,
} from "./support/bench-database";
import { startCachingProxy, startCeiling } from "./support/nginx";
import { FLOOD_LIMITS_OFF, startServer } from "../shared/portal-server";
import { PeakRssSampler } from "./support/processes";
import { allChecks, printSizeReport, verdict } from "./support/report";
import type { Measurement, SizeResult } from "./support/results";
import { discoverRoutes, type BenchRoutes } from "./support/routes";

const USAGE = `npm run bench -- [flags]
  --sizes=1000,100000   archive sizes (articles), one fresh database each
  --database=sqlite     sqlite, or postgresql: the server at BENCH_POSTGRESQL_URL
                        (default ${DEFAULT_POSTGRESQL_SERVER}), in databases the run
                        creates and drops, named <prefix><run>_<size>
  --database-prefix=${DEFAULT_DATABASE_PREFIX} prefix of those databases' names
  --duration=10         seconds of measured load per route
  --warmup=3            seconds of unmeasured load before each route
  --connections=50      concurrent connections
  --deep-pages=5        how many times to follow a section's "older" link for the deep page
  --search=TEXT         the search query (default: الطاقة المتجددة)
  --port=3410           first of the three ports used (next start, nginx ceiling, nginx cache)
  --no-build            measure the existing .next build
  --keep                keep the scratch directory (databases, configs, logs) and the PostgreSQL databases`;

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,100000" },
    database: { type: "string", default: "sqlite" },
    "database-prefix": { type: "string", default: DEFAULT_DATABASE_PREFIX },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    "deep-pages": { type: "string", default: "5" },
    search: { type: "string", default: "الطاقة المتجددة" },
    port: { type: "string", default: "3410" },
    "no-build": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  strict: true,
});

async function main(): Promise<number> {
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const sizes = positiveIntegerList("sizes", flags.sizes);
  const settings: LoadSettings = {
    connections: positiveInteger("connections", flags.connections),
    durationSeconds: positiveInteger("duration", flags.duration),
    warmupSeconds: Number(flags.warmup) === 0 ? 0 : positiveInteger("warmup", flags.warmup),
  };
  const deepPages = positiveInteger("deep-pages", flags["deep-pages"]);
  const port = positiveInteger("port", flags.port);
  const target = databaseTarget(flags.database, flags["database-prefix"]);

  assertInstalled(["wrk", "nginx"]);
  const database = await describeTarget(target);
  const header = machineHeader(
    "the load generators (wrk, and fetch in this process for comments) and the servers (next start, nginx)",
  );
  const scratch = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  const results: SizeResult[] = [];
  try {
    if (!flags["no-build"]) await buildApp(target, scratch);
    for (const size of sizes) {
      results.push(
        await benchSize(size, path.join(scratch, String(size)), {
          target,
          settings,
          deepPages,
          port,
          searchQuery: flags.search,
        }),
      );
    }
  } catch (error) {
    console.error(`scratch directory kept for its logs: ${scratch}`);
    throw error;
  }
  if (flags.keep) console.log(`scratch directory kept: ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });

  const settingsLine = `${settings.connections} connections, ${settings.durationSeconds} s per route after ${settings.warmupSeconds} s of warm-up; wrk (GET) and fetch (comments, scripts/shared/comment-load.ts); no Accept-Encoding (uncompressed)`;
  printHeader(`Benchmark of the production build (next start) on ${databaseLabel(database)}`, header, [
    `database: ${databaseLabel(database)}, ${database.where}`,
    settingsLine,
  ]);
  for (const result of results) printSizeReport(result, results);

  const checks = allChecks(results);
  const missed = checks.filter(({ check }) => check.met === false);
  const judged = checks.filter(({ check }) => check.met !== null);
  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `${header.date.replace(/[:.]/g, "-")}-${database.provider}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ header, database, settings, deepPages, searchQuery: flags.search, results, checks }, null, 2)}\n`,
  );
  console.log(`\n${judged.length - missed.length} of ${judged.length} targets met${missed.length ? "; missed:" : ""}`);
  for (const { size, route, check } of missed)
    console.log(`  ${size.toLocaleString("en")} articles, ${route}: ${verdict(check)}`);
  console.log(`results: ${file}`);
  return missed.length > 0 ? 1 : 0;
}

async function benchSize(
  size: number,
  dir: string,
  {
    target,
    settings,
    deepPages,
    port,
    searchQuery,
  }: { target: DatabaseTarget; settings: LoadSettings; deepPages: number; port: number; searchQuery: string },
): Promise<SizeResult> {
  mkdirSync(dir, { recursive: true });
  const progress = (message: string) => console.log(`[${size.toLocaleString("en")}] ${message}`);
  progress("generating the archive…");
  const { archive, database } = await createArchiveDatabase(target, dir, size);
  const copied =
    archive.copySeconds === null
      ? ""
      : `, copied to PostgreSQL (${archive.database}) in ${archive.copySeconds.toFixed(1)} s`;
  progress(
    `${archive.articles.toLocaleString("en")} articles in ${archive.insertSeconds.toFixed(1)} s (+${archive.setupSeconds.toFixed(1)} s migrate and seed)${copied}`,
  );
  try {
    return await benchArchive(size, dir, database.url, archive, { settings, deepPages, port, searchQuery });
  } finally {
    if (flags.keep) {
      if (database.provider === "postgresql") console.log(`database kept: ${database.name}`);
    } else {
      await database.drop();
    }
  }
}

async function benchArchive(
  size: number,
  dir: string,
  databaseUrl: string,
  archive: SizeResult["archive"],
  {
    settings,
    deepPages,
    port,
    searchQuery,
  }: { settings: LoadSettings; deepPages: number; port: number; searchQuery: string },
): Promise<SizeResult> {
  const progress = (message: string) => console.log(`[${size.toLocaleString("en")}] ${message}`);
  const loadBefore = os.loadavg()[0];
  const server = await startServer({ databaseUrl, port, isolatedIn: dir, env: FLOOD_LIMITS_OFF });
  const rss = new PeakRssSampler(server.pid);
  rss.start();
  const measurements: Measurement[] = [];
  let proxyCacheStatus: string | null = null;
  let sitemap: SitemapCrawl | null = null;
  let routes: BenchRoutes;
  let peakRssMiB: number;
  try {
    routes = await withArchiveReader(databaseUrl, (reader) =>
      discoverRoutes(server.baseUrl, reader, { deepPages, searchQuery }),
    );
    const measure = async (key: Measurement["key"], label: string, url: string, servingPids = [server.pid]) => {
      const figures = await measureLoad(url, settings, servingPids);
      const peakRssSoFarMiB = rss.peakSoFar();
      progress(
        `${label}: ${figures.requestsPerSecond.toFixed(0)} req/s, p99 ${figures.latencyMs.p99.toFixed(1)} ms; server peak RSS so far ${peakRssSoFarMiB.toFixed(0)} MiB`,
      );
      measurements.push({ key, label, url, figures, peakRssSoFarMiB });
    };

    const articleUrl = new URL(routes.article, server.baseUrl).toString();
    const ceiling = await startCeiling(articleUrl, dir, port + 1);
    try {
      await measure("ceiling", "nginx ceiling (same bytes, file)", ceiling.url, [ceiling.pid]);
    } finally {
      await ceiling.stop();
    }
    await measure("article", "article (next start)", articleUrl);
    const proxy = await startCachingProxy(dir, port + 2, port);
    try {
      const proxiedArticle = new URL(routes.article, proxy.baseUrl).toString();
      await measure("articleCached", "article (nginx cache)", proxiedArticle, [proxy.pid, server.pid]);
      proxyCacheStatus = (await fetch(proxiedArticle)).headers.get("x-cache-status");
    } finally {
      await proxy.stop();
    }
    await measure("home", "home", new URL(routes.home, server.baseUrl).toString());
    await measure("section", "section, first page", new URL(routes.section, server.baseUrl).toString());
    await measure(
      "sectionDeep",
      `section, page ${deepPages + 1}`,
      new URL(routes.sectionDeep, server.baseUrl).toString(),
    );
    await measure("search", "search", new URL(routes.search, server.baseUrl).toString());
    await measure("feed", "RSS feed", new URL(routes.feed, server.baseUrl).toString());

    const comments = await measureCommentPosting(
      server,
      { id: routes.articleId, path: routes.article },
      databaseUrl,
      settings,
    );
    const rssAfterComments = rss.peakSoFar();
    progress(
      `comments: ${comments.accepted} accepted (${comments.acceptedPerSecond.toFixed(0)}/s), ${comments.missing} missing; server peak RSS so far ${rssAfterComments.toFixed(0)} MiB`,
    );
    measurements.push({
      key: "comments",
      label: "comment posting",
      url: articleUrl,
      figures: comments,
      peakRssSoFarMiB: rssAfterComments,
    });

    sitemap = await crawlSitemap(server.baseUrl);
    progress(
      `sitemap: ${sitemap.urls} URLs in ${sitemap.files} files, read in ${sitemap.seconds.toFixed(1)} s; server peak RSS so far ${rss.peakSoFar().toFixed(0)} MiB`,
    );
  } catch (error) {
    throw new Error(
      `${size} articles: ${(error as Error).message}\nnext start's last lines:\n${server.output().trimEnd().split("\n").slice(-30).join("\n")}`,
      {
        cause: error,
      },
    );
  } finally {
    peakRssMiB = rss.stop();
    await server.stop();
  }
  return {
    size,
    archive,
    routes,
    measurements,
    proxyCacheStatus,
    sitemap,
    peakRssMiB,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
  };
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench failed: ${error.message}`);
    process.exit(2);
  },
);

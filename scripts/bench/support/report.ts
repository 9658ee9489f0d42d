import os from "node:os";
import { isCommentFigures, type SizeResult, type TargetCheck } from "./results";
import { ratioToCeiling, routeTargets, rssTarget } from "./targets";

const number = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const milliseconds = (value: number) => number(value, value < 10 ? 2 : 1);
export const verdict = (check: TargetCheck) => `${check.met === null ? "·" : check.met ? "✓" : "✗"} ${check.target}`;

const COLUMNS = [
  "route",
  "req/s",
  "p50 ms",
  "p97.5 ms",
  "p99 ms",
  "errors",
  "non-2xx",
  "bytes/resp",
  "server CPU",
  "vs ceiling",
  "target",
] as const;

/** One size's table: a row per route, then the comment, cache and memory figures. */
export function printSizeReport(result: SizeResult, allResults: SizeResult[]): void {
  const { archive, routes } = result;
  console.log(
    `\n${number(result.size)} articles: ${number(archive.articles)} in the database with ${number(archive.comments)} comments, ` +
      `${archive.tags} tags, ${archive.sections} new sections, ${archive.authors} authors; ` +
      `${number(archive.megabytes, 1)} MB, generated in ${number(archive.insertSeconds, 1)} s (+${number(archive.setupSeconds, 1)} s migrate and seed)` +
      (archive.copySeconds === null
        ? ""
        : `, copied into PostgreSQL in ${number(archive.copySeconds, 1)} s (migration and search index included)`),
  );
  console.log(
    `search ${decodeURIComponent(routes.search)} matches ${number(routes.searchMatches)} articles; deep page: ${decodeURIComponent(routes.sectionDeep)}`,
  );

  const rows = result.measurements.map((measurement) => {
    const { figures } = measurement;
    const ratio = ratioToCeiling(result, measurement);
    return [
      measurement.label,
      number(figures.requestsPerSecond),
      ...(figures.requests > 0
        ? [figures.latencyMs.p50, figures.latencyMs.p97_5, figures.latencyMs.p99].map(milliseconds)
        : ["none back", "", ""]),
      number(figures.errors + figures.timeouts),
      number(figures.non2xx),
      number(figures.bytesPerResponse),
      `${number(figures.serverCores, 2)} cores`,
      ratio === null ? "" : `${number(ratio * 100, 1)}%`,
      routeTargets(result, measurement, allResults).map(verdict).join("; "),
    ];
  });
  printTable([[...COLUMNS], ...rows]);

  const comments = result.measurements.find((measurement) => measurement.key === "comments")?.figures;
  if (comments && isCommentFigures(comments)) {
    const outcomes = Object.entries(comments.outcomes)
      .map(([outcome, count]) => `${outcome} ${number(count)}`)
      .join(", ");
    console.log(
      `comments: ${number(comments.requests)} posted in ${number(comments.seconds, 1)} s, ${number(comments.accepted)} accepted ` +
        `(${number(comments.acceptedPerSecond)}/s; answers: ${outcomes || "none"}), ${number(comments.stored)} of this run's found stored, ` +
        `${number(comments.missing)} accepted but missing`,
    );
  }
  console.log(`nginx cache: X-Cache-Status of the article right after its run: ${result.proxyCacheStatus ?? "(none)"}`);
  if (result.sitemap) {
    const { files, urls, bytes, seconds } = result.sitemap;
    console.log(
      `sitemap, read once cold after the runs: ${number(urls)} URLs in ${number(files)} files (${number(bytes / 1048576, 1)} MiB) in ${number(seconds, 1)} s`,
    );
  }
  console.log(`next start peak RSS (process tree): ${number(result.peakRssMiB)} MiB  ${verdict(rssTarget(result))}`);
  console.log(
    `machine load average (1 min) when next start began and ended: ${number(result.loadAverage.before, 1)} and ${number(result.loadAverage.after, 1)} ` +
      `(server CPU: what the serving processes got of the ${os.cpus().length} cores during each measured run)`,
  );
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  for (const [index, row] of rows.entries()) {
    // Text columns to the left, figures to the right.
    const cells = row.map((cell, column) =>
      column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
    );
    console.log(cells.join("  ").trimEnd());
    if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
  }
}

/** Every check of the run, for the summary line and the exit code. */
export function allChecks(results: SizeResult[]): { size: number; route: string; check: TargetCheck }[] {
  return results.flatMap((result) => [
    ...result.measurements.flatMap((measurement) =>
      routeTargets(result, measurement, results).map((check) => ({
        size: result.size,
        route: measurement.label,
        check,
      })),
    ),
    { size: result.size, route: "next start peak RSS", check: rssTarget(result) },
  ]);
}

// `npm run import:wordpress -- <export.xml> [--media <folder>] [--media-base-url <url>] [--time-zone <zone>]
//   [--report <file.json>] [--dry-run]`: a WordPress site's export (lib/import/wordpress/import.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importWordPressExport } from "../../lib/import/wordpress/import";
import { formatReport } from "../../lib/import/wordpress/report";
import { WordPressExportError } from "../../lib/import/wordpress/scan";
import { purgePortalCache } from "../shared/portal-cache";
import { progressBar } from "../shared/progress-bar";

const USAGE =
  "usage: npm run import:wordpress -- <export.xml> [--media <uploads folder>] [--media-base-url <url>] " +
  "[--time-zone Asia/Riyadh] [--report <file.json>] [--dry-run]";

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        media: { type: "string" },
        "media-base-url": { type: "string" },
        "time-zone": { type: "string" },
        report: { type: "string" },
        "dry-run": { type: "boolean", default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const [file] = positionals;
  const baseUrl = values["media-base-url"];
  if (baseUrl && !/^https?:\/\//.test(baseUrl)) {
    console.error(`--media-base-url: "${baseUrl}" is not an http(s) address\n${USAGE}`);
    return 2;
  }
  const timeZone = values["time-zone"];
  if (timeZone && !validTimeZone(timeZone)) {
    console.error(`--time-zone: "${timeZone}" is not a time zone (an IANA name such as Asia/Riyadh)\n${USAGE}`);
    return 2;
  }

  const dryRun = values["dry-run"];
  const bar = progressBar(dryRun ? "planning" : "importing");
  let report;
  try {
    report = await importWordPressExport(file, {
      dryRun,
      media: { folder: values.media, baseUrl },
      timeZone,
      onProgress: ({ done, total }) => bar.update(done, total),
    });
  } catch (error) {
    bar.end();
    if (error instanceof WordPressExportError) {
      console.error(`import refused, nothing written: ${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  bar.end();
  console.log(formatReport(report));
  const reportFile =
    values.report ?? path.join("data", "imports", `wordpress-${report.startedAt.replace(/[:.]/g, "-")}.json`);
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nreport saved: ${reportFile}`);
  if (!dryRun) console.log(await purgePortalCache());
  return report.articles.failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));

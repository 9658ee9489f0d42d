import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TargetCheck } from "./results";
import { OFFLINE_CHROMIUM_FLAGS } from "../../shared/chromium";

export interface LighthouseFigures {
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Lighthouse's measure of this machine's CPU speed while it ran (its docs expect 1000 or more). */
  benchmarkIndex: number;
  /** Audits that cost points in a category, by id. */
  failedAudits: string[];
  warnings: string[];
}

// Headless, and nothing in the background that could reach out (the same flags as the e2e tests).
const CHROME_FLAGS = ["--headless", ...OFFLINE_CHROMIUM_FLAGS];

interface Report {
  categories: Record<
    "performance" | "accessibility" | "best-practices" | "seo",
    { score: number | null; auditRefs: { id: string; weight: number }[] }
  >;
  audits: Record<string, { score: number | null; numericValue?: number }>;
  runWarnings: string[];
  environment: { benchmarkIndex: number };
  runtimeError?: { code: string; message: string };
}

/** Lighthouse's CLI (mobile is its default) `runs` times; the run with the median performance score. */
export async function runLighthouse(
  url: string,
  { chromePath, runs, scratch }: { chromePath: string; runs: number; scratch: string },
): Promise<LighthouseFigures> {
  const figures: LighthouseFigures[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const output = path.join(scratch, `lighthouse-${Date.now()}.json`);
    await promisify(execFile)(
      process.execPath,
      [
        path.join("node_modules", "lighthouse", "cli", "index.js"),
        url,
        "--output=json",
        `--output-path=${output}`,
        "--quiet",
        "--no-enable-error-reporting",
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 16 << 20 },
    );
    figures.push(readReport(JSON.parse(readFileSync(output, "utf8")) as Report));
  }
  figures.sort((a, b) => a.scores.performance - b.scores.performance);
  return figures[Math.floor(figures.length / 2)];
}

function readReport(report: Report): LighthouseFigures {
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const score = (category: keyof Report["categories"]) => Math.round((report.categories[category].score ?? 0) * 100);
  const failedAudits = Object.values(report.categories).flatMap((category) =>
    category.auditRefs.filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id),
  );
  return {
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
    },
    lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    cls: report.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
    tbtMs: report.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    benchmarkIndex: report.environment.benchmarkIndex,
    failedAudits: [...new Set(failedAudits)],
    warnings: report.runWarnings,
  };
}

export function lighthouseChecks(figures: LighthouseFigures): TargetCheck[] {
  return [
    { target: "performance ≥ 97", met: figures.scores.performance >= 97 },
    { target: "accessibility 100", met: figures.scores.accessibility === 100 },
    { target: "best practices 100", met: figures.scores.bestPractices === 100 },
    { target: "SEO 100", met: figures.scores.seo === 100 },
    { target: "CLS 0", met: figures.cls === 0 },
  ];
}

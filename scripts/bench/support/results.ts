import type { ArchiveSummary } from "./archive";
import type { CommentFigures } from "./comment-posting";
import type { LoadFigures } from "./load";
import type { BenchRoutes } from "./routes";
import type { SitemapCrawl } from "./sitemap-crawl";

export type RouteKey =
  "ceiling" | "article" | "articleCached" | "home" | "section" | "sectionDeep" | "search" | "feed" | "comments";

export interface Measurement {
  key: RouteKey;
  label: string;
  url: string;
  figures: LoadFigures | CommentFigures;
  /** The server's peak RSS from its start to the end of this route's run. */
  peakRssSoFarMiB?: number;
}

export interface SizeResult {
  size: number;
  archive: ArchiveSummary;
  routes: BenchRoutes;
  measurements: Measurement[];
  /** X-Cache-Status of the article through the nginx cache, asked once right after its run. */
  proxyCacheStatus: string | null;
  /** The sitemap read once, cold, after the runs (scripts/bench/support/sitemap-crawl.ts). */
  sitemap: SitemapCrawl | null;
  /** Highest resident memory of the `next start` process tree while this size was measured. */
  peakRssMiB: number;
  /** The machine's 1-minute load average when the server started and when it stopped: what else ran. */
  loadAverage: { before: number; after: number };
}

export interface TargetCheck {
  /** What a row or the run must reach, as printed. */
  target: string;
  /** null when it cannot be judged in this run (a comparison with a size that was not run). */
  met: boolean | null;
}

export const isCommentFigures = (figures: LoadFigures | CommentFigures): figures is CommentFigures =>
  "accepted" in figures;

/*
 * What an import did, or a dry run would do: counts by kind and outcome, and a line for every item
 * that was skipped, failed, or changed on its way in. Nothing is left out without a line here.
 */

export type ArticleOutcome = "created" | "updated" | "unchanged" | "failed";

export interface ReportItem {
  postId: string;
  postType: string;
  title: string;
  /** Where the item starts in the file. */
  line: number;
  outcome: ArticleOutcome | "skipped";
  /** The new address, for an article. */
  path?: string;
  notes: string[];
}

export interface ImportReport {
  file: string;
  site: string;
  wxrVersion: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  items: Record<string, number>;
  articles: Record<ArticleOutcome, number> & { byState: Record<string, number> };
  pages: Record<ArticleOutcome, number>;
  comments: { imported: number; byStatus: Record<string, number>; skippedPingbacks: number; orphanReplies: number };
  authors: { created: number; existing: number; bylineOnly: number };
  skipped: Record<string, number>;
  /** Every item with something to say, in file order. */
  lines: ReportItem[];
}

export function emptyReport(file: string, dryRun: boolean): ImportReport {
  return {
    file,
    site: "",
    wxrVersion: "",
    dryRun,
    startedAt: new Date().toISOString(),
    finishedAt: "",
    items: {},
    articles: { created: 0, updated: 0, unchanged: 0, failed: 0, byState: {} },
    pages: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    comments: { imported: 0, byStatus: {}, skippedPingbacks: 0, orphanReplies: 0 },
    authors: { created: 0, existing: 0, bylineOnly: 0 },
    skipped: {},
    lines: [],
  };
}

export const countInto = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** The report as a person reads it at the end of the command. */
export function formatReport(report: ImportReport): string {
  const verb = report.dryRun ? "would be" : "were";
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .filter(([, count]) => count > 0)
      .map(([key, count]) => `${key} ${count}`)
      .join(", ") || "none";
  const { byState, ...outcomes } = report.articles;
  const lines = [
    `${report.dryRun ? "Dry run (nothing written)" : "Import"} of ${report.file}: ${report.site} (WXR ${report.wxrVersion})`,
    `items in the file: ${counts(report.items)}`,
    `articles that ${verb}: ${counts(outcomes)}; by state: ${counts(byState)}`,
    `site pages that ${verb}: ${counts(report.pages)}`,
    `comments that ${verb} imported: ${report.comments.imported} (${counts(report.comments.byStatus)}); ` +
      `pingbacks and trackbacks skipped: ${report.comments.skippedPingbacks}; replies without their parent: ${report.comments.orphanReplies}`,
    `authors: ${report.authors.created} new accounts, ${report.authors.existing} existing, ${report.authors.bylineOnly} bylines only`,
    `items skipped: ${counts(report.skipped)}`,
  ];
  if (report.lines.length) lines.push("", "item by item:");
  for (const item of report.lines) {
    lines.push(
      `  #${item.postId || "?"} ${item.postType} «${item.title}» (line ${item.line}): ${item.outcome}${item.path ? ` → ${item.path}` : ""}`,
    );
    for (const note of item.notes) lines.push(`      - ${note}`);
  }
  return lines.join("\n");
}

// SQLite's query plans for recorded statements, and the rules a reader page's plan must keep.
import type { ArgType } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import type { RecordedStatement } from "../../lib/statement-recorder";

/** A bound value as the better-sqlite3 driver adapter hands it to SQLite (its `mapArg`). */
function sqliteValue(arg: unknown, type: ArgType | undefined): unknown {
  if (arg === null || arg === undefined) return null;
  if (typeof arg === "boolean") return arg ? 1 : 0;
  if (arg instanceof Date) return arg.toISOString().replace("Z", "+00:00");
  if (typeof arg !== "string") return arg;
  switch (type?.scalarType) {
    case "int":
      return Number.parseInt(arg, 10);
    case "bigint":
      return BigInt(arg);
    case "float":
    case "decimal":
      return Number.parseFloat(arg);
    case "datetime":
      return new Date(arg).toISOString().replace("Z", "+00:00");
    default:
      return arg;
  }
}

/** The `EXPLAIN QUERY PLAN` lines of a statement, with its recorded arguments bound. */
export function explain(database: Database.Database, statement: RecordedStatement): string[] {
  const args = statement.args.map((arg, index) => sqliteValue(arg, statement.argTypes[index]));
  const rows = database.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...args) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/**
 * Tables a plan may read in full:
 * - Section: the site's handful of desks (the navigation lists them all); an index costs more than
 *   reading a few rows, and SQLite, with statistics, rightly prefers the scan.
 * - FTS5 virtual tables: "SCAN ArticleSearch VIRTUAL TABLE INDEX 0:M…" is the full-text index
 *   answering MATCH, not a scan of rows.
 */
const SMALL_TABLE = /^SCAN main\.Section\b/;
const FULL_TEXT_INDEX = /^SCAN \S+ VIRTUAL TABLE INDEX /;

/**
 * Prisma loads a relation for a whole page of rows with one `WHERE <key> IN (…)`. With statistics,
 * SQLite reads the table instead when the list covers much of it (the sitemap's tags of every
 * article, a feed's tags among a few hundred): the cost is then the list's, whichever way it is read.
 * Without statistics SQLite always takes an index that serves the list, so there a scan means none does.
 */
const RELATION_LOAD = /^SELECT .* FROM `main`\.`(\w+)`.* WHERE `main`\.`\1`\.`\w+` IN \((?:\?,)*\?\)(?: ORDER BY [^()]*)? LIMIT \? OFFSET \?$/s;

/** How Prisma writes the newest-first order of article lists, which must come from an index. */
const NEWEST_ARTICLES_FIRST = "ORDER BY `main`.`Article`.`publishedAt` DESC, `main`.`Article`.`id` DESC";

function isFullScan(step: string, plan: readonly string[], statement: RecordedStatement, analyzed: boolean): boolean {
  if (!step.startsWith("SCAN ") || SMALL_TABLE.test(step) || FULL_TEXT_INDEX.test(step)) return false;
  // A scan of a subquery's own rows (Prisma's `count` wraps its query in one) reads no table.
  const subqueries = plan.flatMap((line) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(line)?.[1] ?? []);
  if (subqueries.some((name) => step.startsWith(`SCAN ${name}`))) return false;
  return !(analyzed && RELATION_LOAD.test(statement.sql));
}

/**
 * The columns a newest-first article list filters on by equality (`= ?`, `IS NULL`) that the index it
 * walks does not: rows it reads and then drops, rows of other listings. The order columns are left
 * out (a keyset cursor compares them by range).
 */
function filteredAfterReading(step: string, statement: RecordedStatement): string[] {
  const walk = /^SEARCH main\.Article USING (?:COVERING )?INDEX \S+ \(([^)]*)\)/.exec(step);
  if (!walk || !statement.sql.includes(NEWEST_ARTICLES_FIRST)) return [];
  const fromIndex = new Set(walk[1].split(" AND ").flatMap((term) => /^(\w+)=\?$/.exec(term)?.[1] ?? []));
  const filters = [...statement.sql.matchAll(/`main`\.`Article`\.`(\w+)` (?:= \?|IS NULL)/g)].map((match) => match[1]);
  return [...new Set(filters)].filter((column) => column !== "publishedAt" && column !== "id" && !fromIndex.has(column));
}

/**
 * What is wrong with a plan, one line per problem (`analyzed`: the database has ANALYZE's statistics):
 * - a full scan of a table (other than those above): the page's cost grows with the table;
 * - an automatic index: SQLite builds one for this statement alone because no index serves it;
 * - a temporary B-tree for GROUP BY or DISTINCT: every matching row is read and sorted to aggregate;
 * - a temporary B-tree to sort a newest-first article list: every matching article is read and
 *   sorted before the first page is cut, so a keyset page is no index range scan;
 * - a newest-first article list whose index leaves out one of its equality filters (above).
 */
export function planProblems(statement: RecordedStatement, plan: readonly string[], { analyzed }: { analyzed: boolean }): string[] {
  return plan.flatMap((step) => {
    if (isFullScan(step, plan, statement, analyzed)) return [`full scan: ${step}`];
    if (step.includes("AUTOMATIC")) return [`automatic index: ${step}`];
    if (/^USE TEMP B-TREE FOR (GROUP BY|DISTINCT)/.test(step)) return [`sorts to aggregate: ${step}`];
    if (step.startsWith("USE TEMP B-TREE FOR") && statement.sql.includes(NEWEST_ARTICLES_FIRST)) return [`sorts the article list: ${step}`];
    const unindexed = filteredAfterReading(step, statement);
    if (unindexed.length > 0) return [`filters the article list on ${unindexed.join(", ")} after reading it: ${step}`];
    return [];
  });
}

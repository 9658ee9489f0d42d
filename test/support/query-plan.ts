// SQLite's query plans for recorded statements, and the rules a reader page's plan must keep.
import type { ArgType } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { RecordedStatement } from "./statement-recorder";

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
const RELATION_LOAD =
  /^SELECT .* FROM `main`\.`(\w+)`.* WHERE `main`\.`\1`\.`\w+` IN \((?:\?,)*\?\)(?: ORDER BY [^()]*)? LIMIT \? OFFSET \?$/s;

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
  return [...new Set(filters)].filter(
    (column) => column !== "publishedAt" && column !== "id" && !fromIndex.has(column),
  );
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
export function planProblems(
  statement: RecordedStatement,
  plan: readonly string[],
  { analyzed }: { analyzed: boolean },
): string[] {
  return plan.flatMap((step) => {
    if (isFullScan(step, plan, statement, analyzed)) return [`full scan: ${step}`];
    if (step.includes("AUTOMATIC")) return [`automatic index: ${step}`];
    if (/^USE TEMP B-TREE FOR (GROUP BY|DISTINCT)/.test(step)) return [`sorts to aggregate: ${step}`];
    if (step.startsWith("USE TEMP B-TREE FOR") && statement.sql.includes(NEWEST_ARTICLES_FIRST))
      return [`sorts the article list: ${step}`];
    const unindexed = filteredAfterReading(step, statement);
    if (unindexed.length > 0) return [`filters the article list on ${unindexed.join(", ")} after reading it: ${step}`];
    return [];
  });
}

// ---- PostgreSQL ----

/** One node of PostgreSQL's `EXPLAIN (FORMAT JSON)` tree, the fields the rules read. */
export interface PostgresqlPlanNode {
  "Node Type": string;
  /** The planner's estimate of the rows the node returns. */
  "Plan Rows": number;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Scan Direction"?: string;
  "Sort Key"?: string[];
  "Index Cond"?: string;
  Filter?: string;
  "Parent Relationship"?: string;
  "Subplan Name"?: string;
  Plans?: PostgresqlPlanNode[];
}

/** A bound value as the pg driver adapter hands it to `pg` (its `mapArg`). */
function postgresqlValue(arg: unknown, type: ArgType | undefined): unknown {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg) && type?.arity === "list") return arg.map((value) => postgresqlValue(value, type));
  const value = typeof arg === "string" && type?.scalarType === "datetime" ? new Date(arg) : arg;
  // The adapter sends timestamps as UTC text without a zone, as "timestamp(3)" columns store them.
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  if (typeof value === "string" && type?.scalarType === "bytes") return Buffer.from(value, "base64");
  return value;
}

/** The plan tree PostgreSQL chooses for a statement, with its recorded arguments bound. */
export async function explainPostgresql(
  client: pg.ClientBase,
  statement: RecordedStatement,
): Promise<PostgresqlPlanNode> {
  const args = statement.args.map((arg, index) => postgresqlValue(arg, statement.argTypes[index]));
  const result = await client.query<{ "QUERY PLAN": { Plan: PostgresqlPlanNode }[] }>(
    `EXPLAIN (FORMAT JSON) ${statement.sql}`,
    args,
  );
  return result.rows[0]["QUERY PLAN"][0].Plan;
}

/** Every node of the tree, parents before their children. */
export function planNodes(root: PostgresqlPlanNode): PostgresqlPlanNode[] {
  return [root, ...(root.Plans ?? []).flatMap(planNodes)];
}

/** A node on one line, for messages: "Index Scan Backward using … on Article (Index Cond …)". */
export function describeNode(node: PostgresqlPlanNode): string {
  const backward = node["Scan Direction"] === "Backward" ? " Backward" : "";
  const index = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
  const relation = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
  const details = [
    node["Sort Key"] && `Sort Key: ${node["Sort Key"].join(", ")}`,
    node["Index Cond"] && `Index Cond: ${node["Index Cond"]}`,
    node.Filter && `Filter: ${node.Filter}`,
  ].filter(Boolean);
  return `${node["Node Type"]}${backward}${index}${relation}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
}

/*
 * What the PostgreSQL lane asserts, after ANALYZE (its planner weighs real row counts, and a
 * production database has them: autovacuum analyzes as rows come in):
 *
 * - no Seq Scan of "Article" or "Comment". With the test's 400 articles and ~1,200 comments, they are
 *   the tables big enough for PostgreSQL to prefer an index whenever one serves the statement (an
 *   index walk of the home page's 21 articles is costed at a tenth of a scan), so a scan there means
 *   no index does. The other tables are a few pages here, which PostgreSQL rightly reads whole
 *   whatever the statement: that their indexes serve is checked on SQLite, without statistics, and
 *   the PostgreSQL migrations make the same indexes (both come from prisma/schema.prisma).
 * - no Sort of more than SORTED_ARTICLES_AT_MOST articles for a newest-first list that shows one page
 *   (has a LIMIT): the public list (home, feeds, related articles: ~350 matches here) must come from
 *   an index walked in publishedAt order (an Incremental Sort, which only orders articles of the same
 *   instant by id, is fine). A section's, author's, source's or tag's list has some 15 to 50 matches
 *   here, and PostgreSQL rightly sorts so few rather than walk an index; it walks one once a listing
 *   has hundreds (seen with 10,000 articles), which this check cannot see at this size.
 *
 * The sitemap lists every public article (no LIMIT): reading them all is its job, so its scan and
 * sort cost what its list does, as SQLite's relation loads above.
 *
 * Search joins its matches to "Article" for the public filter and counts them all: when the planner
 * expects a large share of the articles to match (the test's query matches most of them), hashing the
 * whole table is its right choice. That the full-text side is served by the GIN index is asserted by
 * test/integration/search.test.ts, on a statement the planner may not answer any other way.
 */
const GROWING_TABLES = new Set(["Article", "Comment"]);
const SORTED_ARTICLES_AT_MOST = 100;

/** How Prisma writes the newest-first order of article lists for PostgreSQL. */
const NEWEST_ARTICLES_FIRST_POSTGRESQL = 'ORDER BY "public"."Article"."publishedAt" DESC, "public"."Article"."id" DESC';

export function postgresqlPlanProblems(statement: RecordedStatement, plan: PostgresqlPlanNode): string[] {
  const search = statement.sql.includes('"ArticleSearch"');
  const newestFirst = statement.sql.includes(NEWEST_ARTICLES_FIRST_POSTGRESQL);
  const onePage = /\bLIMIT \$\d+/.test(statement.sql);
  if (newestFirst && !onePage) return [];
  return planNodes(plan).flatMap((node): string[] => {
    const scanned = node["Relation Name"] ?? "";
    if (node["Node Type"] === "Seq Scan" && GROWING_TABLES.has(scanned) && !(search && scanned === "Article")) {
      return [`full scan: ${describeNode(node)}`];
    }
    const sortsArticles =
      node["Node Type"] === "Sort" && node["Sort Key"]?.some((key) => key.includes('"publishedAt" DESC'));
    if (newestFirst && sortsArticles && (node["Plan Rows"] ?? 0) > SORTED_ARTICLES_AT_MOST) {
      return [`sorts the article list (${node["Plan Rows"]} estimated rows): ${describeNode(node)}`];
    }
    return [];
  });
}

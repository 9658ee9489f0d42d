/*
 * Copies the rows of a portal SQLite file into a PostgreSQL database migrated to the same schema
 * (and holding no rows yet): for a newsroom moving to PostgreSQL, and for the benchmark, which
 * serves the same archive from both. Every row goes through INSERT, so the target's triggers (the
 * search index) fill as they would for the app's own writes; one transaction, so a failed copy
 * leaves nothing behind. Values are converted by the target column's type, read from the catalog.
 */
import Database from "better-sqlite3";
import pg from "pg";

export interface TableCopy {
  table: string;
  rows: number;
}

export interface CopySummary {
  tables: TableCopy[];
  /** Tables of the SQLite file that PostgreSQL does not have (they must be empty, else the copy stops). */
  skippedEmpty: string[];
  seconds: number;
}

interface TargetColumn {
  name: string;
  /** As format_type() prints it, e.g. `timestamp(3) without time zone`, `"ArticleStatus"`. */
  type: string;
  /** The type's category in pg_type: B boolean, D date/time, A array, … */
  category: string;
  isTimestampWithZone: boolean;
}

/** Prisma's bookkeeping: each database has its own, written by its own migrations. */
const NOT_COPIED = new Set(["_prisma_migrations"]);

/** Rows per INSERT: each statement binds one array per column, so this bounds memory, not parameters. */
const BATCH_ROWS = 2_000;

export async function copySqliteToPostgresql(sqliteFile: string, postgresqlUrl: string): Promise<CopySummary> {
  const started = performance.now();
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: postgresqlUrl });
  await client.connect();
  try {
    const { ordered: targetTables, selfReferences } = await tablesInInsertOrder(client);
    const sourceTables = new Set(sqliteTables(sqlite));
    const skippedEmpty = [...sourceTables].filter((table) => !targetTables.includes(table));
    for (const table of skippedEmpty) {
      const rows = rowCount(sqlite, table);
      if (rows > 0)
        throw new Error(
          `table "${table}" has ${rows} rows in SQLite and does not exist in PostgreSQL: is the target migrated to the same schema?`,
        );
    }
    const tables: TableCopy[] = [];
    await client.query("BEGIN");
    try {
      for (const table of targetTables.filter((name) => sourceTables.has(name))) {
        const selfReference = selfReferences.get(table);
        tables.push({ table, rows: await copyTable(sqlite, client, table, selfReference?.columns ?? []) });
        if (selfReference) await fillSelfReferences(sqlite, client, table, selfReference);
        await resetSequences(client, table);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    // The planner's statistics of the tables just filled: without them it plans for empty tables
    // until autovacuum runs (a search at 100,000 articles answered nothing in 10 s that way).
    await client.query("ANALYZE");
    return { tables, skippedEmpty, seconds: (performance.now() - started) / 1000 };
  } finally {
    sqlite.close();
    await client.end();
  }
}

/** Ordinary tables only: no FTS virtual tables or their shadow tables (PostgreSQL keeps its own index). */
function sqliteTables(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare(`SELECT name, type FROM pragma_table_list WHERE schema = 'main'`).all() as {
    name: string;
    type: string;
  }[];
  return rows
    .filter(({ name, type }) => type === "table" && !name.startsWith("sqlite_") && !NOT_COPIED.has(name))
    .map(({ name }) => name);
}

const rowCount = (sqlite: Database.Database, table: string) =>
  Number(
    sqlite
      .prepare(`SELECT count(*) FROM ${quoted(table)}`)
      .pluck()
      .get(),
  );

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** A table's columns that point at its own rows (a comment's parent), and the column they point at. */
interface SelfReference {
  key: string;
  columns: string[];
}

/**
 * The public schema's tables, each after the tables its foreign keys point to, and the columns by
 * which a table refers to itself: those are copied after all its rows (`fillSelfReferences`), so
 * the order of its rows does not matter.
 */
async function tablesInInsertOrder(
  client: pg.Client,
): Promise<{ ordered: string[]; selfReferences: Map<string, SelfReference> }> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1::text[]) ORDER BY c.relname`,
    [[...NOT_COPIED]],
  );
  const { rows: references } = await client.query<{ child: string; parent: string; columns: string[]; keys: string[] }>(
    `SELECT child.relname AS child, parent.relname AS parent,
            ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = k.conrelid AND attnum = ANY(k.conkey)) AS columns,
            ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = k.confrelid AND attnum = ANY(k.confkey)) AS keys
     FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map(tables.map(({ name }) => [name, new Set<string>()]));
  const selfReferences = new Map<string, SelfReference>();
  for (const { child, parent, columns, keys } of references) {
    if (child !== parent) {
      parents.get(child)?.add(parent);
      continue;
    }
    const known = selfReferences.get(child);
    if (columns.length !== 1 || keys.length !== 1 || (known && known.key !== keys[0]))
      throw new Error(`table "${child}" refers to itself by more than one column: this copy handles one key`);
    selfReferences.set(child, { key: keys[0], columns: [...(known?.columns ?? []), columns[0]] });
  }
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(" → ")}`);
    for (const parent of parents.get(table) ?? []) visit(parent, [...path, table]);
    ordered.push(table);
  };
  for (const { name } of tables) visit(name, []);
  return { ordered, selfReferences };
}

/** The self-referring columns of a table whose rows are all copied, in batches of UPDATE … FROM unnest. */
async function fillSelfReferences(
  sqlite: Database.Database,
  client: pg.Client,
  table: string,
  { key, columns }: SelfReference,
): Promise<void> {
  for (const column of columns) {
    const select = sqlite
      .prepare(`SELECT ${quoted(key)}, ${quoted(column)} FROM ${quoted(table)} WHERE ${quoted(column)} IS NOT NULL`)
      .raw();
    const update = `UPDATE ${quoted(table)} t SET ${quoted(column)} = v.value
      FROM unnest($1::bigint[], $2::bigint[]) AS v(key, value) WHERE t.${quoted(key)} = v.key`;
    let batch: [unknown[], unknown[]] = [[], []];
    const flush = async () => {
      if (batch[0].length > 0) await client.query(update, batch);
      batch = [[], []];
    };
    for (const [id, value] of select.iterate() as Iterable<[unknown, unknown]>) {
      batch[0].push(id);
      batch[1].push(value);
      if (batch[0].length >= BATCH_ROWS) await flush();
    }
    await flush();
  }
}

async function targetColumns(client: pg.Client, table: string): Promise<TargetColumn[]> {
  const { rows } = await client.query<{ name: string; type: string; category: string; with_zone: boolean }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typcategory AS category,
            a.atttypid = 'timestamptz'::regtype AS with_zone
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [quoted(table)],
  );
  return rows.map(({ name, type, category, with_zone }) => ({ name, type, category, isTimestampWithZone: with_zone }));
}

/**
 * The rows of one table, in batches of INSERT … SELECT FROM unnest(one array per column): a few
 * statements for a large table, each value cast to its column's type (enums included) by PostgreSQL.
 * Columns only PostgreSQL has keep their defaults.
 */
async function copyTable(
  sqlite: Database.Database,
  client: pg.Client,
  table: string,
  /** Columns written afterwards (a row may point at one not copied yet): NULL here. */
  deferred: readonly string[],
): Promise<number> {
  const existing = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoted(table)}) AS any`);
  if (existing.rows[0].any)
    throw new Error(`table "${table}" in PostgreSQL already has rows: copy into a freshly migrated, unseeded database`);
  const sourceColumns = new Set(sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  const columns = (await targetColumns(client, table)).filter((column) => sourceColumns.has(column.name));
  for (const column of columns) {
    if (column.category === "A")
      throw new Error(
        `"${table}"."${column.name}" is an array (${column.type}): SQLite has no such column to copy from`,
      );
  }
  const missing = [...sourceColumns].filter((name) => !columns.some((column) => column.name === name));
  if (missing.length > 0) throw new Error(`"${table}" has columns PostgreSQL does not: ${missing.join(", ")}`);

  const insert = `INSERT INTO ${quoted(table)} (${columns.map(({ name }) => quoted(name)).join(", ")})
    SELECT * FROM unnest(${columns.map(({ type }, index) => `$${index + 1}::${type}[]`).join(", ")})`;
  const select = sqlite
    .prepare(`SELECT ${columns.map(({ name }) => quoted(name)).join(", ")} FROM ${quoted(table)} ORDER BY rowid`)
    .raw();
  let copied = 0;
  let batch: unknown[][] = columns.map(() => []);
  const flush = async () => {
    if (batch[0].length === 0) return;
    await client.query(insert, batch);
    copied += batch[0].length;
    batch = columns.map(() => []);
  };
  for (const row of select.iterate() as Iterable<unknown[]>) {
    row.forEach((value, index) =>
      batch[index].push(deferred.includes(columns[index].name) ? null : convert(value, columns[index], table)),
    );
    if (batch[0].length >= BATCH_ROWS) await flush();
  }
  await flush();
  return copied;
}

/** One SQLite value as PostgreSQL reads it for the column's type. */
function convert(value: unknown, column: TargetColumn, table: string): unknown {
  if (value === null) return null;
  if (column.category === "B") return value === 1 || value === 1n || value === "true" || value === "1";
  if (column.category === "D") return timestampText(value, column, table);
  return value;
}

// SQLite's CURRENT_TIMESTAMP: UTC, with neither a "T" nor a zone.
const SQLITE_UTC_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/;

/**
 * A stored date in UTC as text: Prisma's SQLite adapter writes ISO 8601 with an offset, SQLite's
 * defaults write `YYYY-MM-DD HH:MM:SS` (UTC), Prisma's older engine wrote epoch milliseconds.
 * Prisma's PostgreSQL timestamps have no zone and hold UTC, so the zone is dropped after converting.
 */
function timestampText(value: unknown, column: TargetColumn, table: string): string {
  const date =
    typeof value === "number" || typeof value === "bigint"
      ? new Date(Number(value))
      : typeof value === "string"
        ? new Date(SQLITE_UTC_TEXT.test(value) ? `${value.replace(" ", "T")}Z` : value)
        : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new Error(`"${table}"."${column.name}": ${JSON.stringify(value)} is not a date`);
  const iso = date.toISOString();
  return column.isTimestampWithZone ? iso : iso.slice(0, -1);
}

/** Identity and serial columns continue after the highest copied id, as if the rows had been inserted by the app. */
async function resetSequences(client: pg.Client, table: string): Promise<void> {
  const { rows } = await client.query<{ column: string; sequence: string }>(
    `SELECT a.attname AS column, pg_get_serial_sequence($1::text, a.attname) AS sequence FROM pg_attribute a
     WHERE a.attrelid = $1::text::regclass AND a.attnum > 0 AND NOT a.attisdropped AND pg_get_serial_sequence($1::text, a.attname) IS NOT NULL`,
    [quoted(table)],
  );
  for (const { column, sequence } of rows) {
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${quoted(column)}) FROM ${quoted(table)}), 0) + 1, false)`,
      [sequence],
    );
  }
}

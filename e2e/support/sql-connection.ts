// One small interface over the e2e server's database, SQLite or PostgreSQL, so the fixtures write
// their SQL once. Statements use `?` placeholders and the quoted identifiers both providers accept;
// values are converted here to what each provider stores for Prisma.
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqliteFilePath } from "../../lib/db/url";

export type SqlValue = string | number | boolean | Date | null;

export interface SqlConnection {
  /** Runs one statement; the rows it returns (none for a write without RETURNING). */
  rows<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  close(): Promise<void>;
}

export function openSqlConnection(url: string): SqlConnection {
  return databaseProvider(url) === "postgresql" ? postgresqlConnection(url) : sqliteConnection(sqliteFilePath(url));
}

function sqliteConnection(file: string): SqlConnection {
  const sqlite = new Database(file, { timeout: 5000 });
  // Prisma's SQLite adapter stores booleans as 0/1 and dates as ISO text with "+00:00"; the app
  // compares dates as text, so they must be written the same way.
  const stored = (value: SqlValue) => {
    if (typeof value === "boolean") return value ? 1 : 0;
    if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
    return value;
  };
  return {
    rows<Row>(sql: string, params: readonly SqlValue[] = []) {
      const statement = sqlite.prepare(sql);
      const values = params.map(stored);
      if (statement.reader) return Promise.resolve(statement.all(...values) as Row[]);
      statement.run(...values);
      return Promise.resolve([]);
    },
    close() {
      sqlite.close();
      return Promise.resolve();
    },
  };
}

// Prisma keeps dates in `timestamp(3)` without time zone, holding UTC: read them as UTC whatever
// the machine's zone (pg would read them as local time).
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
};

function postgresqlConnection(url: string): SqlConnection {
  // One connection, opened on the first statement.
  const pool = new pg.Pool({ connectionString: url, max: 1, types });
  // Written as UTC text: pg would send a Date as local time with an offset, which a column without
  // time zone drops. Enum values go as untyped text, which PostgreSQL casts to the column's enum.
  const stored = (value: SqlValue) => (value instanceof Date ? value.toISOString() : value);
  return {
    async rows<Row>(sql: string, params: readonly SqlValue[] = []) {
      let placeholder = 0;
      const numbered = sql.replace(/\?/g, () => `$${++placeholder}`);
      const result = await pool.query(numbered, params.map(stored));
      return result.rows as Row[];
    },
    async close() {
      await pool.end();
    },
  };
}

import type { Prisma } from "../../generated/prisma/client";
import type { DatabaseProvider } from "../url";

/** Types a bound value may need spelled out: PostgreSQL cannot infer one in a SELECT list or beside a parameter. */
export type SqlType = "text" | "integer" | "timestamp(3)" | '"CommentStatus"';

/**
 * What differs between the two databases' SQL, behind one interface: each statement the app writes
 * by hand (the comment insert, search, sign-in claims) is written once with these pieces.
 */
export interface SqlDialect {
  provider: DatabaseProvider;
  /** A bound value, cast to `type` where the database needs it. */
  value(value: unknown, type: SqlType): Prisma.Sql;
  /** A boolean column as a condition (SQLite stores booleans as 0 and 1). */
  isTrue(column: Prisma.Sql): Prisma.Sql;
  /**
   * Appended to an INSERT … SELECT that reads the article `alias`: makes the insert wait for an
   * uncommitted change to that row and then read it again. Empty where one writer runs at a time.
   */
  lockForShare(alias: string): Prisma.Sql;
  /**
   * A statement to run first in the transaction of a write whose checks count rows: writers with the
   * same `scope` and `key` then go one after the other. Null where one writer runs at a time
   * (SQLite: every transaction holds the write lock, lib/db/sqlite-adapter.ts).
   */
  serializeWriters(scope: number, key: string): Prisma.Sql | null;
}

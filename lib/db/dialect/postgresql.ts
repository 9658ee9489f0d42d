import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { SqlDialect } from "./types";

/*
 * PostgreSQL runs writers side by side (READ COMMITTED), so what SQLite gets from its single writer
 * is asked for explicitly: a row lock on what an insert depends on, advisory locks around the counts
 * that decide a write.
 */
export const postgresqlDialect: SqlDialect = {
  provider: "postgresql",
  value: (value, type) => Prisma.sql`${value}::${Prisma.raw(type)}`,
  isTrue: (column) => column,
  lockForShare: (alias) => Prisma.sql`FOR SHARE OF ${Prisma.raw(alias)}`,
  serializeWriters: (scope, key) =>
    Prisma.sql`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${scope}::integer, hashtext(${key}::text))`,
};

import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { SqlDialect } from "./types";

/*
 * SQLite runs one writer at a time, so a check and the write it guards cannot be interleaved by
 * another process; dates are bound as `Date` values, which the driver adapter stores as ISO-8601 text
 * in UTC like Prisma's own writes, so they compare as strings.
 */
export const sqliteDialect: SqlDialect = {
  provider: "sqlite",
  value: (value) => Prisma.sql`${value}`,
  isTrue: (column) => Prisma.sql`${column} = 1`,
  lockForShare: () => Prisma.empty,
  serializeWriters: () => null,
};

import "server-only";
import { databaseProvider } from "../url";
import { postgresqlDialect } from "./postgresql";
import { sqliteDialect } from "./sqlite";

export type { SqlDialect, SqlType } from "./types";

/** The SQL dialect of the database DATABASE_URL names. */
export const dialect = databaseProvider() === "postgresql" ? postgresqlDialect : sqliteDialect;

/** Keys for `serializeWriters`: what is serialized. */
export const WRITER_SCOPES = { commentLimits: 1, signInClaims: 2 } as const;

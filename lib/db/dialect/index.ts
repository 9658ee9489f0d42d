import "server-only";
import { databaseProvider } from "../url";
import { postgresqlStatements } from "./postgresql";
import { sqliteStatements } from "./sqlite";

export type { NewCommentRow } from "./types";

/** The raw SQL of the database DATABASE_URL names. */
export const { insertCommentIfArticleOpen, serializeSignInClaims } =
  databaseProvider() === "postgresql" ? postgresqlStatements : sqliteStatements;

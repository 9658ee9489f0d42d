import { databaseProvider, sqliteFilePath } from "../../../lib/db/url";
import { backupPostgresql, restorePostgresql } from "./postgresql";
import { backupDatabase as backupSqlite, restoreDatabase as restoreSqlite } from "./sqlite";

/** A consistent copy of the database at `url`, taken while the portal serves: SQLite's backup API or pg_dump. */
export async function backupDatabase(url: string, destination: string): Promise<void> {
  if (databaseProvider(url) === "postgresql") await backupPostgresql(url, destination);
  else await backupSqlite(sqliteFilePath(url), destination);
}

/** Puts a copy back as the database at `url`, or changes nothing when the copy is damaged. Stop the portal first. */
export async function restoreDatabase(backup: string, url: string): Promise<void> {
  if (databaseProvider(url) === "postgresql") await restorePostgresql(backup, url);
  else restoreSqlite(backup, sqliteFilePath(url));
}

/** The file name a backup gets when none is given: a SQLite file, or a pg_dump archive. */
export const backupExtension = (url: string) => (databaseProvider(url) === "postgresql" ? "dump" : "db");

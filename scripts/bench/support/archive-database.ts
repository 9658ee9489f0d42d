import path from "node:path";
import { copySqliteToPostgresql } from "../../shared/sqlite-to-postgresql";
import { createArchive, type ArchiveSummary } from "./archive";
import {
  createBenchDatabase,
  migrateDatabase,
  postgresqlMegabytes,
  type BenchDatabase,
  type DatabaseTarget,
} from "./bench-database";

/**
 * The synthetic archive of `size` articles in the target database. PostgreSQL gets the very rows
 * SQLite gets: the archive is generated in a SQLite file (same seeded generator, same seed
 * content), then copied row by row into a migrated, empty PostgreSQL database, whose own triggers
 * build its search index as the articles go in.
 */
export async function createArchiveDatabase(
  target: DatabaseTarget,
  dir: string,
  size: number,
): Promise<{ archive: ArchiveSummary; database: BenchDatabase }> {
  const sqliteFile = path.join(dir, "portal.db");
  const generated = createArchive(sqliteFile, size);
  if (target.provider === "sqlite") {
    return {
      archive: generated,
      database: { provider: "sqlite", url: `file:${sqliteFile}`, name: sqliteFile, drop: async () => {} },
    };
  }
  const database = await createBenchDatabase(target, dir, String(size));
  try {
    const started = performance.now();
    migrateDatabase(database.url);
    await copySqliteToPostgresql(sqliteFile, database.url);
    const archive: ArchiveSummary = {
      ...generated,
      database: database.name,
      copySeconds: (performance.now() - started) / 1000,
      megabytes: await postgresqlMegabytes(database.url),
    };
    return { archive, database };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

// `npm run restore -- path/to/copy.db`: puts a backup back as the database. Stop the portal first.
import path from "node:path";
import { restoreDatabase } from "../lib/backup";
import { databaseUrl, sqliteFilePath } from "../lib/database-url";

const backup = process.argv[2];
if (!backup) {
  console.error("usage: npm run restore -- path/to/backup.db   (stop the portal first)");
  process.exit(2);
}
try {
  const target = sqliteFilePath(databaseUrl());
  restoreDatabase(path.resolve(backup), target);
  console.log(`restored ${path.resolve(backup)} to ${target}`);
  console.log("start the portal, then run `npm run cache:purge`: the pages it had cached were rendered from the database as it was before");
} catch (error) {
  console.error(`restore failed, nothing changed: ${(error as Error).message}`);
  process.exit(1);
}

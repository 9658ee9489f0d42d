// `npm run backup [-- path/to/copy.db]`: a consistent copy of the running portal's database.
import path from "node:path";
import { backupDatabase } from "../lib/backup";
import { databaseUrl, sqliteFilePath } from "../lib/database-url";

const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = path.resolve(process.argv[2] ?? path.join("data", "backups", `portal-${stamp}.db`));
backupDatabase(sqliteFilePath(databaseUrl()), destination)
  .then(() => console.log(`backup written: ${destination}`))
  .catch((error: Error) => {
    console.error(`backup failed: ${error.message}`);
    process.exit(1);
  });

// `npm run backup [-- path/to/copy]`: a consistent copy of the running portal's database
// (SQLite: a database file; PostgreSQL: a pg_dump archive).
import path from "node:path";
import { backupDatabase, backupExtension } from "../shared/backup";
import { databaseUrl } from "../../lib/db/url";

const url = databaseUrl();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = path.resolve(
  process.argv[2] ?? path.join("data", "backups", `portal-${stamp}.${backupExtension(url)}`),
);
backupDatabase(url, destination)
  .then(() => console.log(`backup written: ${destination}`))
  .catch((error: Error) => {
    console.error(`backup failed: ${error.message}`);
    process.exit(1);
  });

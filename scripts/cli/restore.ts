// `npm run restore -- path/to/copy`: puts a backup back as the database. Stop the portal first.
import path from "node:path";
import { restoreDatabase } from "../shared/backup";
import { databaseUrl } from "../../lib/db/url";

const backup = process.argv[2];
if (!backup) {
  console.error("usage: npm run restore -- path/to/backup   (stop the portal first)");
  process.exit(2);
}
const url = databaseUrl();
restoreDatabase(path.resolve(backup), url)
  .then(() => {
    console.log(`restored ${path.resolve(backup)}`);
    console.log(
      "start the portal, then run `npm run cache:purge`: the pages it had cached were rendered from the database as it was before",
    );
  })
  .catch((error: Error) => {
    console.error(`restore failed, nothing changed: ${error.message}`);
    process.exit(1);
  });

// Run by the first instance's web server before it starts: checks the settings, deletes the run's
// Redis keys. The database is then recreated by `db-setup --fresh` in the same command.
import { deleteRunKeys } from "./redis";
import { databaseUrl } from "./settings";

async function main() {
  const database = new URL(databaseUrl);
  if (database.protocol !== "postgresql:" && database.protocol !== "postgres:") {
    throw new Error(`The two-instance test runs on PostgreSQL; MULTI_INSTANCE_DATABASE_URL is ${database.protocol}`);
  }
  if (!["127.0.0.1", "localhost", "[::1]"].includes(database.hostname)) {
    throw new Error(`refusing to recreate a database that is not on this machine: ${database.hostname}`);
  }
  await deleteRunKeys();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

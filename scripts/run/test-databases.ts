// The PostgreSQL lane's databases: `prepare` makes a migrated template the test files copy (one
// database each, test/support/fresh-database.mts), `cleanup` drops every database of this run.
// `reachable` exits 0 when the PostgreSQL server answers. Only databases named portal_test_<run>… are
// created or dropped: never one the tests did not make.
//   tsx scripts/run/test-databases.ts prepare|cleanup <run id>
//   tsx scripts/run/test-databases.ts reachable
import { execFileSync } from "node:child_process";
import path from "node:path";
import { createDatabase, dropDatabase, onServer, serverReachable, withDatabase } from "../shared/postgresql-admin";
import { testDatabasePrefix, testPostgresqlServer, testTemplateUrl } from "../../test/support/test-lane";

const [command, run = ""] = process.argv.slice(2);

async function prepare(): Promise<void> {
  const template = testTemplateUrl(run);
  await dropDatabase(template);
  await createDatabase(template);
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: template },
  });
}

async function cleanup(): Promise<void> {
  const server = testPostgresqlServer();
  const { rows } = await onServer(server, (client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
      testDatabasePrefix(run),
    ]),
  );
  for (const { datname } of rows) await dropDatabase(withDatabase(server, datname));
}

async function main(): Promise<void> {
  if (command === "reachable") process.exit((await serverReachable(testPostgresqlServer())) ? 0 : 1);
  if (!/^[a-z0-9_]+$/.test(run))
    throw new Error("usage: test-databases.ts prepare|cleanup <run id: a-z 0-9 _> | reachable");
  if (command === "prepare") await prepare();
  else if (command === "cleanup") await cleanup();
  else throw new Error(`unknown command ${command}`);
}

main().catch((error: Error) => {
  console.error(`test databases: ${error.message}`);
  process.exit(1);
});

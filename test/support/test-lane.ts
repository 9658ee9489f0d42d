import { describe } from "node:test";
import { withDatabase } from "../../scripts/shared/postgresql-admin";

/*
 * Which database the test suite runs on. `npm test` runs it on SQLite, then again on PostgreSQL
 * (scripts/run/test.sh sets TEST_DATABASE=postgresql for that lane). The PostgreSQL server is
 * TEST_POSTGRESQL_URL, by default the one this machine runs; the tests make databases of their own
 * on it, all named portal_test_<run>…, and drop them at the end.
 */
export type TestLane = "sqlite" | "postgresql";

export function testLane(env: NodeJS.ProcessEnv = process.env): TestLane {
  return env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

export function testPostgresqlServer(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_POSTGRESQL_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
}

export const testDatabasePrefix = (run: string) => `portal_test_${run}`;

/** The migrated database each test file's own database is copied from. */
export const testTemplateUrl = (run: string, env: NodeJS.ProcessEnv = process.env) =>
  withDatabase(testPostgresqlServer(env), `${testDatabasePrefix(run)}_template`);

/** A new database name for one test file or server of this run. */
export const testDatabaseUrl = (run: string, name: string, env: NodeJS.ProcessEnv = process.env) =>
  withDatabase(testPostgresqlServer(env), `${testDatabasePrefix(run)}_${name}`);

/**
 * A suite about one database's own machinery (SQLite's backup API, pg_dump…): registered in that
 * database's lane only, where its twin for the other database is not. Not a skip: in the other lane
 * these tests do not exist, and their twin runs instead.
 */
export function describeInLane(lane: TestLane, name: string, suite: () => void): void {
  if (testLane() === lane) describe(`${name} (${lane === "sqlite" ? "SQLite" : "PostgreSQL"})`, suite);
}

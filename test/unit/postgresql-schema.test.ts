import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  POSTGRESQL_SCHEMA_PATH,
  SQLITE_SCHEMA_PATH,
  postgresqlSchemaFrom,
} from "../../scripts/shared/postgresql-schema";

test("the committed PostgreSQL schema is the one derived from the SQLite schema (run `npm run db:postgresql-schema`)", () => {
  assert.equal(
    readFileSync(POSTGRESQL_SCHEMA_PATH, "utf8"),
    postgresqlSchemaFrom(readFileSync(SQLITE_SCHEMA_PATH, "utf8")),
  );
});

test("only the datasource and the generated client's folder differ", () => {
  const sqlite = readFileSync(SQLITE_SCHEMA_PATH, "utf8");
  const derived = postgresqlSchemaFrom(sqlite);
  assert.match(derived, /provider = "postgresql"/);
  assert.doesNotMatch(derived, /provider = "sqlite"/);
  assert.match(derived, /output\s*= "\.\.\/\.\.\/lib\/generated\/prisma-postgresql"/);
  const models = (schema: string) => schema.slice(schema.indexOf("enum "));
  assert.equal(models(derived), models(sqlite));
});

test("a SQLite schema it cannot read is refused, not half converted", () => {
  assert.throws(() => postgresqlSchemaFrom("model A { id Int @id }"), /expected one datasource block/);
});

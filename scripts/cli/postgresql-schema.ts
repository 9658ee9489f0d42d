// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see scripts/shared/postgresql-schema.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { POSTGRESQL_SCHEMA_PATH, SQLITE_SCHEMA_PATH, postgresqlSchemaFrom } from "../shared/postgresql-schema";

writeFileSync(POSTGRESQL_SCHEMA_PATH, postgresqlSchemaFrom(readFileSync(SQLITE_SCHEMA_PATH, "utf8")));
console.log(`wrote ${POSTGRESQL_SCHEMA_PATH}`);

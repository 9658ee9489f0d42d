import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "../generated/prisma-postgresql/client";
import { serializedSqliteAdapter } from "./sqlite-adapter";
import { databaseProvider, databaseUrl } from "./url";

type AdapterWrapper = (factory: SqlMigrationAwareDriverAdapterFactory) => SqlMigrationAwareDriverAdapterFactory;

// One client per process: Next's dev server re-evaluates modules, so keep it on globalThis. The
// unit and integration tests set `portalDriverAdapterWrapper` before any module loads
// (test/support/statement-recorder.ts) to see the statements a page sends; the app never does.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient; portalDriverAdapterWrapper?: AdapterWrapper };

function createClient(): PrismaClient {
  const url = databaseUrl();
  const wrap = globalForDb.portalDriverAdapterWrapper ?? ((factory) => factory);
  if (databaseProvider(url) === "postgresql") {
    const client = new PostgresqlPrismaClient({ adapter: wrap(new PrismaPg({ connectionString: url })) });
    // Both clients are generated from the same models (prisma/postgresql/schema.prisma is derived from
    // prisma/schema.prisma, checked by test/unit/postgresql-schema.test.ts), so their APIs are the same.
    return client as unknown as PrismaClient;
  }
  // The busy timeout makes a writer wait for the lock instead of failing while another process
  // (the CLI importer, a second instance) holds it. WAL mode is set on the file by scripts/cli/db-setup.ts.
  return new PrismaClient({ adapter: wrap(serializedSqliteAdapter({ url, timeout: 5000 })) });
}

export const db: PrismaClient = globalForDb.portalDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.portalDb = db;

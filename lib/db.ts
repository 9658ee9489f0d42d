import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "./generated/prisma-postgresql/client";
import { databaseProvider, databaseUrl } from "./database-url";
import { serializedSqliteAdapter } from "./sqlite-adapter";
import { recordingStatements } from "./statement-recorder";

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseProvider(url) === "postgresql") {
    const client = new PostgresqlPrismaClient({ adapter: recordingStatements(new PrismaPg({ connectionString: url })) });
    // Both clients are generated from the same models (prisma/postgresql/schema.prisma is derived from
    // prisma/schema.prisma, checked by test/unit/postgresql-schema.test.ts), so their APIs are the same.
    return client as unknown as PrismaClient;
  }
  // The busy timeout makes a writer wait for the lock instead of failing while another process
  // (the CLI importer, a second instance) holds it. WAL mode is set on the file by scripts/db-setup.ts.
  const adapter = recordingStatements(serializedSqliteAdapter({ url, timeout: 5000 }));
  return new PrismaClient({ adapter });
}

// One client per process: Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };
export const db: PrismaClient = globalForDb.portalDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.portalDb = db;

import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./database-url";
import { serializedSqliteAdapter } from "./sqlite-adapter";

function createClient(): PrismaClient {
  // The busy timeout makes a writer wait for the lock instead of failing while another process
  // (the CLI importer, a second instance) holds it. WAL mode is set on the file by scripts/db-setup.ts.
  const adapter = serializedSqliteAdapter({ url: databaseUrl(), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process: Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };
export const db: PrismaClient = globalForDb.portalDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.portalDb = db;

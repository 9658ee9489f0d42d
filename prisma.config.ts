import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PRISMA_FOLDERS, databaseProvider, databaseUrl, sqliteFilePath } from "./lib/db/url";

// With a config file Prisma reads no .env itself: the URL comes from the environment or the default,
// and picks the provider's own schema and migrations.
const provider = databaseProvider(databaseUrl());

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: PRISMA_FOLDERS[provider].schema,
  migrations: {
    path: PRISMA_FOLDERS[provider].migrations,
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  adapter() {
    const url = databaseUrl();
    if (provider === "postgresql") return Promise.resolve(new PrismaPg({ connectionString: url }));
    // SQLite creates the file but not its folder (data/ is not in git).
    mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
    return Promise.resolve(new PrismaBetterSQLite3({ url }));
  },
});

import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./lib/database-url";

// With a config file Prisma reads no .env itself: the URL comes from the environment or the default.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  async adapter() {
    const url = databaseUrl();
    // SQLite creates the file but not its folder (data/ is not in git).
    mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});

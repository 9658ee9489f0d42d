import path from "node:path";

/** The database the e2e server runs on: deleted and rebuilt (migrated, seeded) for every run. */
export const E2E_DATABASE_FILE = path.resolve("data", "e2e.db");
export const SEED_FILE = path.resolve("prisma", "seed", "almnatiq-1101899.txt");

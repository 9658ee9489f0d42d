import pg from "pg";
import { E2E_DATABASE_URL } from "./paths";

export interface TableLock {
  /** Resolves once a statement of the server waits for the lock. */
  waitForBlockedStatement(): Promise<void>;
  release(): Promise<void>;
}

const WAIT_LIMIT_MS = 10_000;

/**
 * Holds an exclusive lock on one table of the e2e server's PostgreSQL database, so that a render
 * reading that table stops there (having read what it read before) until the lock is released.
 * PostgreSQL only: SQLite readers in WAL mode never wait for a lock.
 */
export async function holdTableLock(table: string): Promise<TableLock> {
  const holder = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
  return {
    async waitForBlockedStatement() {
      const deadline = Date.now() + WAIT_LIMIT_MS;
      for (;;) {
        // Within a transaction the statistics views keep the first snapshot read: take a new one.
        await holder.query("SELECT pg_stat_clear_snapshot()");
        const { rows } = await holder.query<{ waiting: string }>(
          `SELECT COUNT(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (Number(rows[0].waiting) > 0) return;
        if (Date.now() > deadline)
          throw new Error(`no statement waited for the lock on "${table}" within ${WAIT_LIMIT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async release() {
      await holder.query("ROLLBACK");
      await holder.end();
    },
  };
}

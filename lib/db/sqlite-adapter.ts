import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * The better-sqlite3 adapter shares one connection between every request of the process, and only
 * transactions wait for each other: a plain query from another request runs *inside* whichever
 * interactive transaction is open. It then reads that transaction's uncommitted rows and, worse,
 * is rolled back with it, so a write already acknowledged to its caller silently disappears
 * (reproduced in test/integration/database.test.ts). This wrapper makes every statement outside a
 * transaction wait until the open transaction commits or rolls back.
 *
 * It also makes transactions IMMEDIATE. The adapter begins them DEFERRED: one that reads, then
 * writes after another connection (the CLI, a second instance) committed meanwhile, fails with
 * SQLITE_BUSY_SNAPSHOT, which no busy timeout cures. An immediate transaction takes the write lock
 * first, waiting for it up to the busy timeout, so its reads are never stale.
 */
export function serializedSqliteAdapter(
  options: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3(options);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialize(await factory.connect()),
    connectToShadowDb: async () => serialize(await factory.connectToShadowDb()),
  };
}

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

/** Swaps the adapter's deferred BEGIN (nothing has run in it yet) for BEGIN IMMEDIATE. */
async function takeWriteLock(transaction: Transaction): Promise<void> {
  await transaction.executeRaw(statement("COMMIT"));
  try {
    await transaction.executeRaw(statement("BEGIN IMMEDIATE"));
  } catch (error) {
    // No transaction is open any more: free the adapter's own lock (the caller frees ours).
    await transaction.rollback();
    throw error;
  }
}

/** One holder at a time, the others in arrival order. */
class FifoLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new FifoLock();
  const alone = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => alone(() => adapter.queryRaw(query)),
    executeRaw: (query) => alone(() => adapter.executeRaw(query)),
    executeScript: (script) => alone(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await lock.acquire();
      try {
        const transaction = await adapter.startTransaction(isolationLevel);
        await takeWriteLock(transaction);
        const finish = (end: () => Promise<void>) => async () => {
          try {
            await end();
          } finally {
            release();
          }
        };
        return {
          provider: transaction.provider,
          adapterName: transaction.adapterName,
          options: transaction.options,
          queryRaw: (query) => transaction.queryRaw(query),
          executeRaw: (query) => transaction.executeRaw(query),
          commit: finish(() => transaction.commit()),
          rollback: finish(() => transaction.rollback()),
        };
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

import { AsyncLocalStorage } from "node:async_hooks";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/*
 * What tests see of the statements a page's data loaders send to the database (query counts, query
 * plans), for any driver adapter. Installed in every test process by test/support/fresh-database.mts,
 * before lib/db/client.ts creates its client, so the SQLite and the PostgreSQL lane count and explain
 * the same calls; the app's own client never wraps its adapter.
 */

/** A statement as Prisma sent it to the driver adapter: the SQL text, its bound values and their types. */
export type RecordedStatement = Readonly<SqlQuery>;

// Set only inside `recordStatements`; elsewhere `getStore()` is undefined and nothing is kept, so a
// statement outside a recording costs one lookup and no allocation.
// Kept on globalThis: the preload that installs the recorder loads this file as an ES module, the
// test files load it again as CommonJS, and both must share one store.
const globalForRecorder = globalThis as { portalStatementRecorder?: AsyncLocalStorage<RecordedStatement[]> };
const statementRecorder = (globalForRecorder.portalStatementRecorder ??= new AsyncLocalStorage<RecordedStatement[]>());

/** Notes the statement when a recording is on, and passes it on unchanged. */
function recorded(query: SqlQuery): SqlQuery {
  statementRecorder.getStore()?.push(query);
  return query;
}

/**
 * Runs `run` and collects every statement it sends to the database (in its own async context only,
 * so concurrent requests are not counted): how tests see the queries a page's data loaders make.
 */
export async function recordStatements<T>(
  run: () => Promise<T>,
): Promise<{ result: T; statements: RecordedStatement[] }> {
  const statements: RecordedStatement[] = [];
  // Awaited inside the context: Prisma's queries are lazy and start when first awaited.
  const result = await statementRecorder.run(statements, async () => await run());
  return { result, statements };
}

function recordingTransaction(transaction: Transaction): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(recorded(query)),
    executeRaw: (query) => transaction.executeRaw(recorded(query)),
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
  };
}

function recordingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(recorded(query)),
    executeRaw: (query) => adapter.executeRaw(recorded(query)),
    // Migration scripts only: no page runs one, and they come without bound values to explain.
    executeScript: (script) => adapter.executeScript(script),
    // Prisma reads capabilities here (PostgreSQL's relation joins): pass them through unchanged.
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => recordingTransaction(await adapter.startTransaction(isolationLevel)),
  };
}

/**
 * The driver adapter factory `factory`, with every statement its connections run, in and out of
 * transactions, visible to `recordStatements`.
 */
function recordingStatements(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => recordingAdapter(await factory.connect()),
    connectToShadowDb: async () => recordingAdapter(await factory.connectToShadowDb()),
  };
}

/** Makes lib/db/client.ts wrap its driver adapter with the recorder; call before the client exists. */
export function installStatementRecorder(): void {
  (globalThis as { portalDriverAdapterWrapper?: typeof recordingStatements }).portalDriverAdapterWrapper =
    recordingStatements;
}

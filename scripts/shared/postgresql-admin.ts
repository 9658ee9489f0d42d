import pg from "pg";

/*
 * Creating and dropping PostgreSQL databases, for db:setup / db:fresh and the tests' own databases.
 * CREATE and DROP DATABASE cannot run inside the database they name: they run from the server's
 * maintenance database (`postgres`) with the same credentials.
 */

/** The database a `postgresql://` URL names. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new Error(`PostgreSQL database names here are letters, digits and _ only, got "${name}"`);
  }
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const other = new URL(url);
  other.pathname = `/${name}`;
  return other.toString();
}

/** Runs `run` on a connection of its own to the database at `url`, closed afterwards. */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The same, on the server's maintenance database: where databases are created, dropped and renamed. */
export const onServer = <T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> =>
  withClient(withDatabase(url, "postgres"), run);

export async function databaseExists(url: string): Promise<boolean> {
  return onServer(url, async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName(url)]);
    return result.rowCount === 1;
  });
}

/** Creates the database the URL names unless it exists; `template` copies another database (fast for tests). */
export async function createDatabase(url: string, { template }: { template?: string } = {}): Promise<void> {
  if (await databaseExists(url)) return;
  await onServer(url, (client) =>
    client.query(`CREATE DATABASE "${databaseName(url)}"${template ? ` TEMPLATE "${databaseName(template)}"` : ""}`),
  );
}

/** Drops the database the URL names, closing its connections first. */
export async function dropDatabase(url: string): Promise<void> {
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`));
}

/** Whether a PostgreSQL server answers at the URL (its maintenance database), within a few seconds. */
export async function serverReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

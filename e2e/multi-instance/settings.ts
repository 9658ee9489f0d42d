import { testDatabaseUrl } from "../../test/support/test-lane";

/*
 * The two-instance test's settings, from the environment (read by the Playwright config, the
 * instances' preparation, the teardown and the spec alike):
 *   MULTI_INSTANCE_DATABASE_URL      PostgreSQL database both instances share; recreated (dropped,
 *                                    migrated, seeded) at the start. Default: portal_test_<TEST_RUN>_multi_instance
 *                                    on TEST_POSTGRESQL_URL's server, dropped with the run's other
 *                                    databases by `tsx scripts/run/test-databases.ts cleanup <TEST_RUN>`.
 *   MULTI_INSTANCE_REDIS_URL         Redis both instances share. Default: TEST_REDIS_URL, else redis://127.0.0.1:6379.
 *   MULTI_INSTANCE_REDIS_KEY_PREFIX  The instances' REDIS_KEY_PREFIX; its keys are deleted before and after.
 *                                    Default: <TEST_REDIS_KEY_PREFIX, else "portal-test:"><TEST_RUN>:multi-instance:
 *   MULTI_INSTANCE_PORTS             The two instances' ports, "first,second". Default: 3110,3111.
 *   TEST_RUN                         Names this run's database and keys. Default: multi.
 * The build is not made here: `npm run build` first (DATABASE_URL=postgresql://… so home and feeds
 * prerender; the instances expire those pages before the tests read them).
 */
const env = process.env;
const run = env.TEST_RUN?.trim() || "multi";

export const databaseUrl = env.MULTI_INSTANCE_DATABASE_URL?.trim() || testDatabaseUrl(run, "multi_instance");
export const redisUrl = env.MULTI_INSTANCE_REDIS_URL?.trim() || env.TEST_REDIS_URL?.trim() || "redis://127.0.0.1:6379";
export const redisKeyPrefix =
  env.MULTI_INSTANCE_REDIS_KEY_PREFIX?.trim() || `${env.TEST_REDIS_KEY_PREFIX ?? "portal-test:"}${run}:multi-instance:`;

const ports = (env.MULTI_INSTANCE_PORTS ?? "3110,3111").split(",").map((port) => Number(port.trim()));
if (ports.length !== 2 || ports.some((port) => !Number.isInteger(port) || port <= 0) || ports[0] === ports[1]) {
  throw new Error(
    `MULTI_INSTANCE_PORTS must name two different ports ("3110,3111"), not ${JSON.stringify(env.MULTI_INSTANCE_PORTS)}`,
  );
}
export const [firstInstance, secondInstance] = ports.map((port) => `http://127.0.0.1:${port}`);
export const instancePorts = ports;

/** The comments one client may post in a minute on either instance: low, so a test reaches it. */
export const COMMENTS_PER_MINUTE = 3;

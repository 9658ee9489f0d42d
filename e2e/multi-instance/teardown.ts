import { deleteRunKeys } from "./redis";

/** Playwright's global teardown: the run's cache entries and counters go; its database stays for the lane's cleanup. */
export default async function teardown(): Promise<void> {
  await deleteRunKeys();
}

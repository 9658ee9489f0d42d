import { cachePurgeTokenFor } from "../../lib/cache-purge-token";
import { E2E_APP_SECRET, E2E_BASE_URL } from "./server";

const token = cachePurgeTokenFor(E2E_APP_SECRET);

/**
 * Expires the server's cached reader pages after a fixture wrote to its database behind its back,
 * as `npm run cache:purge` does after an import. Tests of the caching itself change content through
 * the app and never rely on this.
 */
export async function purgeReaderCache(): Promise<void> {
  const response = await fetch(`${E2E_BASE_URL}/api/cache/purge`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`cache purge answered ${response.status}`);
}

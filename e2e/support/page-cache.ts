import { expect, type Page } from "@playwright/test";
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

/**
 * Opens a shared list page (home, section, tag) until it links to `linkName`, then follows the link.
 * Other tests running alongside render those pages too, and a render that began before this test's
 * change hands its copy to the requests arriving while it runs (lib/page-cache.ts): the list follows
 * within one render, so it is given a few seconds, never a reload by hand.
 */
export async function followNewLink(page: Page, path: string, linkName: string): Promise<void> {
  const link = page.getByRole("link", { name: linkName, exact: true });
  await expect
    .poll(async () => {
      await page.goto(path);
      return link.count();
    }, { message: `${path} links to «${linkName}»`, timeout: 5_000 })
    .toBeGreaterThan(0);
  await link.first().click();
}

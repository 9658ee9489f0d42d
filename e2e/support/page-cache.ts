import { expect, type Page } from "@playwright/test";
import { requestCachePurge } from "../../scripts/shared/purge-request";
import { E2E_APP_SECRET, E2E_BASE_URL } from "./server";

/**
 * Expires the server's cached reader pages after a fixture wrote to its database behind its back,
 * as `npm run cache:purge` does after an import. Tests of the caching itself change content through
 * the app and never rely on this.
 */
export async function purgeReaderCache(): Promise<void> {
  const status = await requestCachePurge(E2E_BASE_URL, E2E_APP_SECRET);
  if (status !== 200) throw new Error(`cache purge answered ${status}`);
}

/**
 * How long a shared page (home, section, tag, feed) is given to follow a change. Other tests running
 * alongside render those pages too, and a render that began before this test's change hands its
 * copy to the requests arriving while it runs (lib/cache/expiry.ts): the page follows within one render.
 */
export const SHARED_PAGE_FOLLOWS = { timeout: 5_000 };

/** Opens a shared list page until it links to `linkName` (SHARED_PAGE_FOLLOWS), then follows the link. */
export async function followNewLink(page: Page, path: string, linkName: string): Promise<void> {
  const link = page.getByRole("link", { name: linkName, exact: true });
  await expect
    .poll(
      async () => {
        await page.goto(path);
        return link.count();
      },
      { message: `${path} links to «${linkName}»`, ...SHARED_PAGE_FOLLOWS },
    )
    .toBeGreaterThan(0);
  await link.first().click();
}

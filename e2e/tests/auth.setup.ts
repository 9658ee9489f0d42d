import { expect, test as setup } from "@playwright/test";
import { SignInPage } from "../pages/sign-in-page";
import { purgeReaderCache } from "../support/page-cache";
import { authFile, TEST_USERS, type TestRole } from "../support/users";

for (const role of ["ADMIN", "EDITOR", "AUTHOR"] as const satisfies readonly TestRole[]) {
  setup(`sign in as ${role.toLowerCase()}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(TEST_USERS[role].email, TEST_USERS[role].password);
    await expect(page.getByRole("heading", { level: 1, name: "المقالات" })).toBeVisible();
    await page.context().storageState({ path: authFile(role) });
  });
}

// The home page and the feeds were rendered at build time, from the build's database, not this run's.
setup("expire the pages rendered at build time", () => purgeReaderCache());

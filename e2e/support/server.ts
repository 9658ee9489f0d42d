/** The e2e server: its port and secret, shared by the Playwright config and the test helpers. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_APP_SECRET = "e2e-only-secret-not-used-anywhere-else-0123456789";

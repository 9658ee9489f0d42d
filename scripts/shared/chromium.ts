import { existsSync } from "node:fs";

/**
 * How the tests and the benchmark's Lighthouse start Chromium: no sandbox (root in CI), and
 * nothing in the background that would reach for a network this machine does not have.
 */
export const OFFLINE_CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Debian's (or a given) Chromium when there is one; otherwise Playwright's own browser, as on a laptop. */
export function systemChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
  );
}

import { readFileSync } from "node:fs";
import { expect, request, type Page, type Request } from "@playwright/test";
import { ANONYMOUS } from "../fixtures";
import { authFile, type TestRole } from "./users";

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Clicks through a real admin form and captures the Server Action request it sends, without letting
 * it reach the server: the test then replays exactly that request under other identities.
 */
export async function captureActionRequest(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let captured: Request | undefined;
  await page.route("**/admin/**", async (route) => {
    const candidate = route.request();
    if (candidate.method() === "POST" && candidate.headers()["next-action"]) {
      captured = candidate;
      await route.abort();
    } else {
      await route.fallback();
    }
  });
  await submit();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  const request = captured as Request;
  return { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

function cookieHeader(role: TestRole): string {
  const state = JSON.parse(readFileSync(authFile(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** Sends the captured request again with no session (`as: null`) or with another role's session. */
export async function replayAction(action: CapturedAction, as: TestRole | null): Promise<string> {
  const context = await request.newContext(ANONYMOUS);
  const headers = Object.fromEntries(
    Object.entries(action.headers).filter(([name]) => name.toLowerCase() !== "cookie"),
  );
  if (as) headers.cookie = cookieHeader(as);
  const response = await context.fetch(action.url, { method: "POST", headers, data: action.body });
  const text = await response.text();
  await context.dispose();
  return text;
}

import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { cachePurgeTokenFor } from "../../lib/cache/purge-token";
import { startScheduledPublishing, wakeScheduledPublishing } from "../../lib/cache/scheduler";

const SECRET = "scheduled-publishing-test-secret";

interface Call {
  at: number;
  since: string;
  authorization: string | undefined;
}

// Stands in for the server's own POST /api/cache/scheduled: records each call and answers with
// the next due time the test sets.
const calls: Call[] = [];
let nextDue: () => string | null = () => null;
const server = createServer((request: IncomingMessage, response) => void answer(request, response));
async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let body = "";
  for await (const chunk of request) body += chunk;
  calls.push({
    at: Date.now(),
    since: (JSON.parse(body) as { since: string }).since,
    authorization: request.headers.authorization,
  });
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ expired: [], checkedUntil: new Date().toISOString(), next: nextDue() }));
}
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.PORT = String((server.address() as AddressInfo).port);
});
after(() => server.close());

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test("asks at start for the last hour, wakes at the next scheduled time, and at once when woken", async () => {
  const started = Date.now();
  startScheduledPublishing(SECRET);
  await until(() => calls.length === 1);
  assert.equal(calls[0].authorization, `Bearer ${cachePurgeTokenFor(SECRET)}`);
  // Pages cached in the hour before the start may show an article that came due meanwhile.
  assert.ok(Math.abs(Date.parse(calls[0].since) - (started - 3_600_000)) < 1_000, calls[0].since);

  // The route said nothing is scheduled: the next look is a minute away, unless something wakes it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(calls.length, 1);
  const due = Date.now() + 400;
  nextDue = () => (Date.now() < due ? new Date(due).toISOString() : null);
  wakeScheduledPublishing();
  await until(() => calls.length === 2);
  // Each look starts where the previous one ended.
  assert.ok(Date.parse(calls[1].since) > started, "the second look starts after the first");

  // Woken for an article due in 400 ms: it looks again at that time, not before.
  await until(() => calls.length === 3);
  assert.ok(calls[2].at >= due, `looked ${due - calls[2].at} ms early`);
  assert.ok(calls[2].at < due + 500, `looked ${calls[2].at - due} ms late`);
});

test("starts once per process, and not at all without a secret", async () => {
  const before = calls.length;
  startScheduledPublishing(SECRET);
  startScheduledPublishing(undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(calls.length, before);
});

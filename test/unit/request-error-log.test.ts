import assert from "node:assert/strict";
import { test } from "node:test";
import { onRequestError } from "../../instrumentation";

test("a request's error is logged as one JSON line with its request id, digest, route and stack", async () => {
  const lines: string[] = [];
  const original = console.error;
  console.error = (line: string) => lines.push(line);
  try {
    const error = Object.assign(new Error("database unreachable"), { digest: "4021337" });
    await onRequestError(
      error,
      { path: "/articles/x", method: "GET", headers: { "x-request-id": "req-12345678" } },
      {
        routerKind: "App Router",
        routePath: "/articles/[slug]",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );
  } finally {
    console.error = original;
  }
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]) as Record<string, unknown>;
  assert.deepEqual(
    { requestId: entry.requestId, digest: entry.digest, path: entry.path, route: entry.route, message: entry.message },
    {
      requestId: "req-12345678",
      digest: "4021337",
      path: "/articles/x",
      route: "/articles/[slug]",
      message: "database unreachable",
    },
  );
  assert.match(String(entry.stack), /database unreachable\n\s+at /);
});

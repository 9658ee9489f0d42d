import type { Instrumentation } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

/** At server start: the scheduler that makes scheduled articles go live on cached pages on time. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startScheduledPublishing } = await import("./lib/cache/scheduler");
  startScheduledPublishing(process.env.APP_SECRET);
}

/**
 * Every error Next catches while rendering or in a route, action or proxy is logged here as one JSON
 * line with the request's id (set by proxy.ts, answered in X-Request-Id) and the error's digest (the
 * code the reader's error page shows), so a reader's report leads to the stack trace. Readers never
 * see the trace: the error pages show the digest only.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const details = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  console.error(
    JSON.stringify({
      level: "error",
      requestId: request.headers["x-request-id"],
      digest,
      method: request.method,
      path: request.path,
      route: context.routePath,
      kind: context.routeType,
      ...details,
    }),
  );
};

import "server-only";
import { db } from "../db";
import { TooManySignInAttemptsError } from "../errors";

/**
 * Failed sign-ins are counted per account and per client in a sliding window, in the database so
 * the count survives restarts and holds across app instances. Over the limit, sign-in is refused
 * (even with the right password) until enough failures age out of the window.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const CLIENT_FAILURE_LIMIT = 20;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const clientKey = (client: string) => `client:${client}`;

async function retryAfterMs(key: string, limit: number, now: Date): Promise<number> {
  const failures = await db.signInFailure.findMany({
    where: { key, createdAt: { gt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length < limit) return 0;
  // Sign-in opens again when the count in the window drops below the limit.
  const expiring = failures[failures.length - limit].createdAt.getTime();
  return expiring + SIGN_IN_WINDOW_MS - now.getTime();
}

/** Throws TooManySignInAttemptsError while the account or the client is over its limit. */
export async function assertSignInAllowed(email: string, client: string, now = new Date()): Promise<void> {
  const wait = Math.max(
    await retryAfterMs(accountKey(email), ACCOUNT_FAILURE_LIMIT, now),
    await retryAfterMs(clientKey(client), CLIENT_FAILURE_LIMIT, now),
  );
  if (wait > 0) throw new TooManySignInAttemptsError(Math.ceil(wait / 1000));
}

export async function recordSignInFailure(email: string, client: string, now = new Date()): Promise<void> {
  await db.signInFailure.createMany({
    data: [
      { key: accountKey(email), createdAt: now },
      { key: clientKey(client), createdAt: now },
    ],
  });
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } } });
}

/** A successful sign-in forgives the account's failures (not the client's: it may be guessing others). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: accountKey(email) } });
}

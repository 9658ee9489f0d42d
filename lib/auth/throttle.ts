import "server-only";
import { db } from "../db/client";
import { TooManySignInAttemptsError } from "../errors";
import { dialect, WRITER_SCOPES } from "../db/dialect";

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

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function retryAfterMs(tx: Transaction, key: string, limit: number, now: Date): Promise<number> {
  const failures = await tx.signInFailure.findMany({
    where: { key, createdAt: { gt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length < limit) return 0;
  // Sign-in opens again when the count in the window drops below the limit.
  const expiring = failures[failures.length - limit].createdAt.getTime();
  return expiring + SIGN_IN_WINDOW_MS - now.getTime();
}

/** A sign-in attempt counted against its account and client until it is known to have succeeded. */
export interface SignInAttempt {
  email: string;
  clientFailureId: number;
}

/**
 * Counts an attempt before its password is checked, as a failure of the account and of the client,
 * in one transaction with the limit check that runs alone (SQLite's immediate transaction, a lock on
 * PostgreSQL): concurrent attempts cannot all pass the check before any is recorded (a burst of
 * guesses got 10 to 14 checks against a limit of 5 that way).
 * Throws TooManySignInAttemptsError while the account or the client is over its limit.
 */
export async function claimSignInAttempt(email: string, client: string, now = new Date()): Promise<SignInAttempt> {
  return db.$transaction(async (tx) => {
    const serialize = dialect.serializeWriters(WRITER_SCOPES.signInClaims, "every account");
    if (serialize) await tx.$queryRaw(serialize);
    const wait = Math.max(
      await retryAfterMs(tx, accountKey(email), ACCOUNT_FAILURE_LIMIT, now),
      await retryAfterMs(tx, clientKey(client), CLIENT_FAILURE_LIMIT, now),
    );
    if (wait > 0) throw new TooManySignInAttemptsError(Math.ceil(wait / 1000));
    await tx.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } } });
    await tx.signInFailure.create({ data: { key: accountKey(email), createdAt: now } });
    const { id } = await tx.signInFailure.create({
      data: { key: clientKey(client), createdAt: now },
      select: { id: true },
    });
    return { email, clientFailureId: id };
  });
}

/**
 * The attempt's password was right: the account's failures are forgiven, and this attempt is not
 * held against the client (its earlier failures are: it may be guessing other accounts).
 */
export async function signInSucceeded(attempt: SignInAttempt): Promise<void> {
  await db.signInFailure.deleteMany({
    where: { OR: [{ key: accountKey(attempt.email) }, { id: attempt.clientFailureId }] },
  });
}

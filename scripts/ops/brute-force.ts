// `npm run ops:brute-force [-- --burst 20]`
// Password guessing against /admin/sign-in, posted as the real sign-in Server Action: from one
// client, from rotating X-Forwarded-For addresses, behind a proxy that appends the real address,
// and as one concurrent burst. Checks that the throttle answers at the documented counts, that the
// right password is refused while locked, and that no wrong password ever signs in.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { freshDatabase, sqliteUrl, tempDir } from "../shared/commands";
import {
  createAccount,
  loadSignInForm,
  submitSignIn,
  type SignInAnswer,
  type SignInForm,
  type SignInOutcome,
} from "../shared/newsroom-http";
import { Checks, figure, heading, machineFigures, parseIntegerFlag, runOps } from "../shared/ops-report";
import { startServer } from "../shared/portal-server";

// The documented limits (README, lib/auth/throttle.ts): refused for a while after 5 failures per
// account or 20 per client in 15 minutes.
const ACCOUNT_LIMIT = 5;
const CLIENT_LIMIT = 20;

interface Guess {
  email: string;
  password: string;
  /** The X-Forwarded-For header the client sends (its last entry is the address counted). */
  forwardedFor: string;
  userAgent?: string;
}

interface Context {
  baseUrl: string;
  form: SignInForm;
  /** Every answer to a wrong password, to check none of them signed in. */
  wrongPasswordAnswers: SignInAnswer[];
}

const passwords = new Map<string, string>();

async function guess(
  context: Context,
  { email, password, forwardedFor, userAgent = "ops-brute-force" }: Guess,
): Promise<SignInAnswer> {
  const answer = await submitSignIn(context.baseUrl, context.form, email, password, {
    "x-forwarded-for": forwardedFor,
    "user-agent": userAgent,
  });
  if (passwords.get(email) !== password) context.wrongPasswordAnswers.push(answer);
  return answer;
}

async function inSequence(context: Context, guesses: Guess[]): Promise<SignInOutcome[]> {
  const outcomes: SignInOutcome[] = [];
  for (const one of guesses) outcomes.push((await guess(context, one)).outcome);
  return outcomes;
}

const expected = (allowed: number, total: number): SignInOutcome[] =>
  Array.from({ length: total }, (_, index) => (index < allowed ? "wrong" : "locked"));

const show = (outcomes: readonly SignInOutcome[]) => {
  const runs: string[] = [];
  for (const outcome of outcomes) {
    const last = runs.at(-1);
    if (last?.startsWith(`${outcome}×`)) runs[runs.length - 1] = `${outcome}×${Number(last.split("×")[1]) + 1}`;
    else runs.push(`${outcome}×1`);
  }
  return runs.join(", ");
};

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

const wrongPassword = (index: number) => `wrong-guess-${index}-${randomBytes(3).toString("hex")}`;
const address = (prefix: string, index: number) => `${prefix}.${index % 250}.${Math.floor(index / 250) + 1}`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { burst: { type: "string" } } });
  const burst = Math.max(ACCOUNT_LIMIT + 1, parseIntegerFlag(values.burst, "burst", 20));

  heading("setup");
  machineFigures();
  const databaseFile = await freshDatabase(tempDir("brute-force"));
  const accounts = ["one-client", "rotating", "client-limit", "burst"].map((label) => ({
    email: `${label}@ops.test`,
    name: `حساب ${label}`,
    role: "EDITOR" as const,
    password: randomBytes(12).toString("hex"),
  }));
  await Promise.all(accounts.map((account) => createAccount(databaseFile, account)));
  for (const account of accounts) passwords.set(account.email, account.password);
  const [oneClient, rotating, clientLimited, burstTarget] = accounts;
  const server = await startServer({ databaseUrl: sqliteUrl(databaseFile) });
  figure("server", `${server.baseUrl} (pid ${server.pid})`);
  figure("documented limits", `${ACCOUNT_LIMIT} failures per account, ${CLIENT_LIMIT} per client, in 15 minutes`);

  const checks = new Checks();
  const context: Context = {
    baseUrl: server.baseUrl,
    form: await loadSignInForm(server.baseUrl),
    wrongPasswordAnswers: [],
  };
  try {
    heading(`one client, one account: ${ACCOUNT_LIMIT + 3} wrong passwords`);
    const fromOne = await inSequence(
      context,
      Array.from({ length: ACCOUNT_LIMIT + 3 }, (_, i) => ({
        email: oneClient.email,
        password: wrongPassword(i),
        forwardedFor: "198.51.100.10",
      })),
    );
    figure("answers in order", show(fromOne));
    checks.check(
      same(fromOne, expected(ACCOUNT_LIMIT, fromOne.length)),
      `the account locks after ${ACCOUNT_LIMIT} failures`,
      show(fromOne),
    );
    const rightSameClient = await guess(context, {
      email: oneClient.email,
      password: oneClient.password,
      forwardedFor: "198.51.100.10",
    });
    const rightOtherClient = await guess(context, {
      email: oneClient.email,
      password: oneClient.password,
      forwardedFor: "198.51.100.99",
    });
    figure("lockout message", rightSameClient.message);
    checks.check(
      rightSameClient.outcome === "locked",
      "the right password is refused while locked (same client)",
      rightSameClient.outcome,
    );
    checks.check(
      rightOtherClient.outcome === "locked",
      "the right password is refused while locked (another client)",
      rightOtherClient.outcome,
    );

    heading(`rotating X-Forwarded-For, one account: ${ACCOUNT_LIMIT + 3} wrong passwords, each from a new address`);
    const fromMany = await inSequence(
      context,
      Array.from({ length: ACCOUNT_LIMIT + 3 }, (_, i) => ({
        email: rotating.email,
        password: wrongPassword(i),
        forwardedFor: address("203.0", i),
      })),
    );
    figure("answers in order", show(fromMany));
    checks.check(
      same(fromMany, expected(ACCOUNT_LIMIT, fromMany.length)),
      `the account still locks after ${ACCOUNT_LIMIT} failures`,
      show(fromMany),
    );
    const rightNewAddress = await guess(context, {
      email: rotating.email,
      password: rotating.password,
      forwardedFor: "203.0.113.200",
    });
    checks.check(
      rightNewAddress.outcome === "locked",
      "the right password from a fresh address is refused while locked",
      rightNewAddress.outcome,
    );

    heading(`one client, many accounts: ${CLIENT_LIMIT + 5} wrong passwords, each for another account`);
    const oneClientManyAccounts = await inSequence(
      context,
      Array.from({ length: CLIENT_LIMIT + 5 }, (_, i) => ({
        email: `nobody-${i}@ops.test`,
        password: wrongPassword(i),
        forwardedFor: "198.51.100.20",
      })),
    );
    figure("answers in order", show(oneClientManyAccounts));
    checks.check(
      same(oneClientManyAccounts, expected(CLIENT_LIMIT, oneClientManyAccounts.length)),
      `the client locks after ${CLIENT_LIMIT} failures`,
      show(oneClientManyAccounts),
    );
    const lockedClient = await guess(context, {
      email: clientLimited.email,
      password: clientLimited.password,
      forwardedFor: "198.51.100.20",
    });
    const freeClient = await guess(context, {
      email: clientLimited.email,
      password: clientLimited.password,
      forwardedFor: "198.51.100.21",
    });
    checks.check(
      lockedClient.outcome === "locked",
      "the locked client is refused even the right password of an unlocked account",
      lockedClient.outcome,
    );
    checks.check(
      freeClient.outcome === "signed-in",
      "the same account signs in from another client (the lock is the client's)",
      freeClient.outcome,
    );

    heading(`behind a proxy that appends the real address: ${CLIENT_LIMIT + 5} guesses with forged first entries`);
    const forged = await inSequence(
      context,
      Array.from({ length: CLIENT_LIMIT + 5 }, (_, i) => ({
        email: `someone-${i}@ops.test`,
        password: wrongPassword(i),
        forwardedFor: `${address("10.9", i)}, 192.0.2.77`,
      })),
    );
    figure("answers in order", show(forged));
    checks.check(
      same(forged, expected(CLIENT_LIMIT, forged.length)),
      "forged X-Forwarded-For entries before the proxy's do not escape the client limit",
      show(forged),
    );

    heading(
      `one address, rotating User-Agent: ${CLIENT_LIMIT + 5} guesses for other accounts (not a check: a client is address + user agent)`,
    );
    const rotatingAgent = await inSequence(
      context,
      Array.from({ length: CLIENT_LIMIT + 5 }, (_, i) => ({
        email: `anyone-${i}@ops.test`,
        password: wrongPassword(i),
        forwardedFor: "198.51.100.30",
        userAgent: `agent-${i}`,
      })),
    );
    figure("answers in order", show(rotatingAgent));
    figure(
      "guesses checked past the client limit",
      Math.max(0, rotatingAgent.filter((outcome) => outcome === "wrong").length - CLIENT_LIMIT),
    );

    heading(`concurrent burst: ${burst} wrong passwords for one account at once, from ${burst} addresses`);
    const burstAnswers = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        guess(context, { email: burstTarget.email, password: wrongPassword(i), forwardedFor: address("100.64", i) }),
      ),
    );
    const checked = burstAnswers.filter((answer) => answer.outcome === "wrong").length;
    figure("answers", show(burstAnswers.map((answer) => answer.outcome).sort()));
    figure("passwords actually checked", `${checked} (limit ${ACCOUNT_LIMIT})`);
    checks.check(
      checked <= ACCOUNT_LIMIT,
      `a concurrent burst gets no more than ${ACCOUNT_LIMIT} guesses checked`,
      `${checked} checked`,
    );
    const rightAfterBurst = await guess(context, {
      email: burstTarget.email,
      password: burstTarget.password,
      forwardedFor: "100.64.250.250",
    });
    checks.check(
      rightAfterBurst.outcome === "locked",
      "the right password is refused after the burst",
      rightAfterBurst.outcome,
    );

    heading("every wrong password");
    const tally = (outcome: SignInOutcome) =>
      context.wrongPasswordAnswers.filter((answer) => answer.outcome === outcome).length;
    figure("wrong-password requests", context.wrongPasswordAnswers.length);
    figure("answered wrong / locked / other", `${tally("wrong")} / ${tally("locked")} / ${tally("other")}`);
    checks.check(tally("signed-in") === 0, "no wrong password ever signed in", `${tally("signed-in")} signed in`);
    checks.check(
      tally("other") === 0,
      "every wrong password got the wrong or the locked answer",
      `${tally("other")} other${tally("other") ? `: ${context.wrongPasswordAnswers.find((a) => a.outcome === "other")?.message}` : ""}`,
    );
  } finally {
    await server.stop();
  }
  return checks.finish("ops:brute-force");
}

runOps(main);

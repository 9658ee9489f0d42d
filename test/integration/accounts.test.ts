import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, test } from "node:test";
import { verifyPassword } from "better-auth/crypto";
import {
  ACCOUNT_FAILURE_LIMIT,
  CLIENT_FAILURE_LIMIT,
  SIGN_IN_WINDOW_MS,
  assertSignInAllowed,
  clearAccountFailures,
  recordSignInFailure,
} from "../../lib/auth/throttle";
import { db } from "../../lib/db";
import { EmailTakenError, InvalidInputError, TooManySignInAttemptsError } from "../../lib/errors";
import { createUser } from "../../lib/users";

const uniqueEmail = () => `editor-${randomUUID().slice(0, 8)}@example.test`;

describe("creating an editor's account", () => {
  test("stores a scrypt hash Better Auth can verify, never the password", async () => {
    const email = uniqueEmail();
    const user = await createUser({ email: email.toUpperCase(), name: "محررة", role: "EDITOR", password: "correct horse battery" });
    assert.equal(user.email, email);
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    assert.ok(account.password && !account.password.includes("correct horse"));
    assert.equal(await verifyPassword({ hash: account.password, password: "correct horse battery" }), true);
    assert.equal(await verifyPassword({ hash: account.password, password: "wrong horse battery" }), false);
  });

  test("refuses a short password, an unknown role and a taken address", async () => {
    await assert.rejects(createUser({ email: uniqueEmail(), name: "س", role: "EDITOR", password: "short" }), (error) => {
      assert.ok(error instanceof InvalidInputError);
      assert.deepEqual(Object.keys(error.fieldErrors), ["password"]);
      return true;
    });
    await assert.rejects(createUser({ email: uniqueEmail(), name: "س", role: "OWNER", password: "long enough password" }), InvalidInputError);
    const email = uniqueEmail();
    await createUser({ email, name: "أول", role: "AUTHOR", password: "long enough password" });
    await assert.rejects(createUser({ email, name: "ثان", role: "AUTHOR", password: "long enough password" }), EmailTakenError);
  });
});

describe("sign-in throttling", () => {
  test(`refuses an account after ${ACCOUNT_FAILURE_LIMIT} failures until they age out of the window`, async () => {
    const email = uniqueEmail();
    const start = new Date("2026-01-01T10:00:00Z");
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT - 1; attempt += 1) {
      await recordSignInFailure(email, `client-${attempt}`, new Date(start.getTime() + attempt * 1000));
    }
    const later = new Date(start.getTime() + 10_000);
    await assertSignInAllowed(email, "another-client", later);
    await recordSignInFailure(email, "client-last", later);

    await assert.rejects(assertSignInAllowed(email.toUpperCase(), "another-client", later), (error) => {
      assert.ok(error instanceof TooManySignInAttemptsError);
      assert.equal(error.retryAfterSeconds, SIGN_IN_WINDOW_MS / 1000 - 10);
      assert.match(error.publicMessage, /^محاولات دخول كثيرة فاشلة\. أعد المحاولة بعد [٠-٩]+ دقيقة\.$/);
      return true;
    });
    await assertSignInAllowed(email, "another-client", new Date(start.getTime() + SIGN_IN_WINDOW_MS + 1));
  });

  test(`refuses a client after ${CLIENT_FAILURE_LIMIT} failures across accounts`, async () => {
    const client = `client-${randomUUID()}`;
    const now = new Date("2026-02-01T10:00:00Z");
    for (let attempt = 0; attempt < CLIENT_FAILURE_LIMIT; attempt += 1) {
      await recordSignInFailure(uniqueEmail(), client, now);
    }
    await assert.rejects(assertSignInAllowed(uniqueEmail(), client, now), TooManySignInAttemptsError);
    await assertSignInAllowed(uniqueEmail(), "a-different-client", now);
  });

  test("a successful sign-in forgives the account but not the client", async () => {
    const email = uniqueEmail();
    const client = `client-${randomUUID()}`;
    const now = new Date();
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt += 1) await recordSignInFailure(email, client, now);
    await assert.rejects(assertSignInAllowed(email, "elsewhere", now), TooManySignInAttemptsError);
    await clearAccountFailures(email);
    await assertSignInAllowed(email, "elsewhere", now);
    assert.equal(await db.signInFailure.count({ where: { key: `client:${client}` } }), ACCOUNT_FAILURE_LIMIT);
  });
});

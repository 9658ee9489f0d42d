import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, test } from "node:test";
import { verifyPassword } from "better-auth/crypto";
import {
  ACCOUNT_FAILURE_LIMIT,
  CLIENT_FAILURE_LIMIT,
  SIGN_IN_WINDOW_MS,
  claimSignInAttempt,
  signInSucceeded,
} from "../../lib/auth/throttle";
import { db } from "../../lib/db/client";
import { EmailTakenError, ForbiddenError, InvalidInputError, TooManySignInAttemptsError } from "../../lib/errors";
import { createUser, addNewsroomUser, listUsers, updateNewsroomUser } from "../../lib/users/accounts";

const uniqueEmail = () => `editor-${randomUUID().slice(0, 8)}@example.test`;

describe("creating an editor's account", () => {
  test("stores a scrypt hash Better Auth can verify, never the password", async () => {
    const email = uniqueEmail();
    const user = await createUser({
      email: email.toUpperCase(),
      name: "محررة",
      role: "EDITOR",
      password: "correct horse battery",
    });
    assert.equal(user.email, email);
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    assert.ok(account.password && !account.password.includes("correct horse"));
    assert.equal(await verifyPassword({ hash: account.password, password: "correct horse battery" }), true);
    assert.equal(await verifyPassword({ hash: account.password, password: "wrong horse battery" }), false);
  });

  test("refuses a short password, an unknown role and a taken address", async () => {
    await assert.rejects(
      createUser({ email: uniqueEmail(), name: "س", role: "EDITOR", password: "short" }),
      (error) => {
        assert.ok(error instanceof InvalidInputError);
        assert.deepEqual(Object.keys(error.fieldErrors), ["password"]);
        return true;
      },
    );
    await assert.rejects(
      createUser({ email: uniqueEmail(), name: "س", role: "OWNER", password: "long enough password" }),
      InvalidInputError,
    );
    const email = uniqueEmail();
    await createUser({ email, name: "أول", role: "AUTHOR", password: "long enough password" });
    await assert.rejects(
      createUser({ email, name: "ثان", role: "AUTHOR", password: "long enough password" }),
      EmailTakenError,
    );
  });
});

describe("sign-in throttling", () => {
  test(`refuses an account after ${ACCOUNT_FAILURE_LIMIT} failures until they age out of the window`, async () => {
    const email = uniqueEmail();
    const start = new Date("2026-01-01T10:00:00Z");
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT - 1; attempt += 1) {
      await claimSignInAttempt(email, `client-${attempt}`, new Date(start.getTime() + attempt * 1000));
    }
    const later = new Date(start.getTime() + 10_000);
    await claimSignInAttempt(email, "client-last", later);

    await assert.rejects(claimSignInAttempt(email.toUpperCase(), "another-client", later), (error) => {
      assert.ok(error instanceof TooManySignInAttemptsError);
      assert.equal(error.retryAfterSeconds, SIGN_IN_WINDOW_MS / 1000 - 10);
      assert.match(error.publicMessage, /^محاولات دخول كثيرة فاشلة\. أعد المحاولة بعد [٠-٩]+ دقيقة\.$/);
      return true;
    });
    await claimSignInAttempt(email, "another-client", new Date(start.getTime() + SIGN_IN_WINDOW_MS + 1));
  });

  test(`refuses a client after ${CLIENT_FAILURE_LIMIT} failures across accounts`, async () => {
    const client = `client-${randomUUID()}`;
    const now = new Date("2026-02-01T10:00:00Z");
    for (let attempt = 0; attempt < CLIENT_FAILURE_LIMIT; attempt += 1) {
      await claimSignInAttempt(uniqueEmail(), client, now);
    }
    await assert.rejects(claimSignInAttempt(uniqueEmail(), client, now), TooManySignInAttemptsError);
    await claimSignInAttempt(uniqueEmail(), "a-different-client", now);
  });

  test("a successful sign-in forgives the account but not the client's earlier failures", async () => {
    const email = uniqueEmail();
    const client = `client-${randomUUID()}`;
    const now = new Date();
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT - 1; attempt += 1)
      await claimSignInAttempt(email, client, now);
    await signInSucceeded(await claimSignInAttempt(email, client, now));
    assert.equal(await db.signInFailure.count({ where: { key: `account:${email}` } }), 0);
    assert.equal(await db.signInFailure.count({ where: { key: `client:${client}` } }), ACCOUNT_FAILURE_LIMIT - 1);
  });

  test("a burst of concurrent guesses gets no more checks than the limit", async () => {
    const email = uniqueEmail();
    const now = new Date();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => claimSignInAttempt(email, `client-${randomUUID()}`, now)),
    );
    const claimed = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    const refused = outcomes.filter(
      (outcome) => outcome.status === "rejected" && outcome.reason instanceof TooManySignInAttemptsError,
    ).length;
    assert.deepEqual({ claimed, refused }, { claimed: ACCOUNT_FAILURE_LIMIT, refused: 20 - ACCOUNT_FAILURE_LIMIT });
  });
});

describe("managing accounts from the newsroom", () => {
  test("only an admin lists, creates and changes accounts", async () => {
    const editor = await createUser({
      email: uniqueEmail(),
      name: "محرر",
      role: "EDITOR",
      password: "long enough password",
    });
    const asEditor = { ...editor, name: "محرر" } as const;
    const before = await db.user.count();
    await assert.rejects(listUsers({ ...asEditor, role: "EDITOR" }), ForbiddenError);
    await assert.rejects(
      addNewsroomUser({ ...asEditor, role: "EDITOR" }, { email: uniqueEmail(), name: "س", role: "ADMIN" }),
      ForbiddenError,
    );
    await assert.rejects(
      updateNewsroomUser({ ...asEditor, role: "EDITOR" }, editor.id, { role: "ADMIN" }),
      ForbiddenError,
    );
    assert.equal(await db.user.count(), before);
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role, "EDITOR");
  });

  test("an admin creates an account whose generated password signs in, and changes its role and bio", async () => {
    const admin = await createUser({
      email: uniqueEmail(),
      name: "مديرة",
      role: "ADMIN",
      password: "long enough password",
    });
    const actor = { id: admin.id, name: "مديرة", email: admin.email, role: "ADMIN" } as const;
    const created = await addNewsroomUser(actor, {
      email: uniqueEmail(),
      name: "كاتبة جديدة",
      role: "AUTHOR",
      bio: "",
    });
    assert.ok(created.password.length >= 20);
    const account = await db.account.findFirstOrThrow({ where: { userId: created.id } });
    assert.equal(await verifyPassword({ hash: account.password ?? "", password: created.password }), true);

    await updateNewsroomUser(actor, created.id, { role: "EDITOR", bio: "تكتب عن الاقتصاد." });
    assert.deepEqual(
      await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { role: true, bio: true } }),
      { role: "EDITOR", bio: "تكتب عن الاقتصاد." },
    );
    assert.ok((await listUsers(actor)).some((user) => user.id === created.id));
  });

  test("an admin cannot demote themselves", async () => {
    const admin = await createUser({
      email: uniqueEmail(),
      name: "مدير وحيد",
      role: "ADMIN",
      password: "long enough password",
    });
    const actor = { id: admin.id, name: "مدير وحيد", email: admin.email, role: "ADMIN" } as const;
    await assert.rejects(updateNewsroomUser(actor, admin.id, { role: "EDITOR" }), InvalidInputError);
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role, "ADMIN");
  });
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, test } from "node:test";
import { db } from "../../lib/db/client";

/** `npm run user:create`, as an admin runs it, on the lane's database. */
function createUserCommand(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      path.join("node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "scripts/cli/create-user.ts", ...args],
      { env: process.env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? "");
  });
}

describe("npm run user:create (the command)", () => {
  test("creates an account with a generated password, shown once, stored only as a hash", async () => {
    const { code, stdout } = await createUserCommand([
      "--email",
      "Chief@Example.com",
      "--name",
      "رئيسة التحرير",
      "--role",
      "admin",
    ]);
    assert.equal(code, 0);
    assert.match(stdout, /^created ADMIN chief@example\.com$/m);
    const password = /^password \(shown once, store it safely\): (\S+)$/m.exec(stdout)?.[1];
    assert.ok(password && password.length >= 20);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "chief@example.com" },
      select: { name: true, role: true, accounts: { select: { password: true } } },
    });
    assert.equal(user.name, "رئيسة التحرير");
    assert.equal(user.role, "ADMIN");
    assert.ok(user.accounts[0]?.password && !user.accounts[0].password.includes(password));
  });

  test("reads the password from standard input, and refuses a second account with the same address", async () => {
    const first = await createUserCommand(
      ["--email", "desk@example.com", "--name", "محرر", "--role", "EDITOR", "--password-stdin"],
      "كلمة-سر-طويلة-بما-يكفي\n",
    );
    assert.equal(first.code, 0);
    assert.doesNotMatch(first.stdout, /password/);
    const again = await createUserCommand(
      ["--email", "desk@example.com", "--name", "آخر", "--password-stdin"],
      "كلمة-سر-طويلة-بما-يكفي\n",
    );
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /^not created: /m);
    assert.equal(await db.user.count({ where: { email: "desk@example.com" } }), 1);
  });

  test("a role it does not know is refused with the field named, and nothing is written", async () => {
    const { code, stderr } = await createUserCommand(["--email", "x@example.com", "--role", "OWNER"]);
    assert.equal(code, 2);
    assert.match(stderr, /^not created: role: /m);
    assert.equal(await db.user.count({ where: { email: "x@example.com" } }), 0);
  });
});

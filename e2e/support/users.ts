import path from "node:path";

export type TestRole = "ADMIN" | "EDITOR" | "AUTHOR";

/** Accounts of the e2e database only (created by create-users.ts); never used anywhere else. */
export const TEST_USERS = {
  ADMIN: { email: "admin@e2e.test", name: "مديرة الاختبار", role: "ADMIN", password: "e2e-admin-password-1" },
  EDITOR: {
    email: "editor@e2e.test",
    name: "محرر الاختبار",
    role: "EDITOR",
    password: "e2e-editor-password-1",
    bio: "يغطي الشؤون الدولية منذ عشر سنوات.",
  },
  AUTHOR: { email: "author@e2e.test", name: "كاتبة الاختبار", role: "AUTHOR", password: "e2e-author-password-1" },
  // Only for the throttling test, so locking it out blocks no other test.
  LOCKOUT: { email: "lockout@e2e.test", name: "حساب القفل", role: "EDITOR", password: "e2e-lockout-password-1" },
  // Only for the session expiry test, which ages this account's sessions in the database.
  EXPIRY: { email: "expiry@e2e.test", name: "حساب الانتهاء", role: "EDITOR", password: "e2e-expiry-password-1" },
} as const;

/** Where the setup project leaves each role's signed-in browser state. */
export const authFile = (role: TestRole) => path.resolve("e2e", ".auth", `${role.toLowerCase()}.json`);

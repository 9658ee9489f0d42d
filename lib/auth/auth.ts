import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { databaseProvider } from "../db/url";
import { db } from "../db/client";
import { site } from "../site";
import { PASSWORD_MIN_LENGTH } from "./password";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

/**
 * Editors' sign-in: Better Auth with email and password (scrypt hashes), sessions stored in the
 * database (so sign-out revokes them and several app instances share them), httpOnly SameSite=Lax
 * cookies, Secure whenever the site is served over https. Nobody signs up: accounts are created by
 * an admin (`npm run user:create`). No HTTP handler is mounted; the admin's Server Actions call
 * `auth.api` directly, and sign-in throttling is ours (lib/auth/throttle.ts), because Better Auth's
 * rate limiter does not see server-side calls.
 */
function createAuth() {
  return betterAuth({
    appName: site.name,
    baseURL: site.url.origin,
    secret: process.env.APP_SECRET,
    database: prismaAdapter(db, { provider: databaseProvider() }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: 128,
    },
    session: {
      expiresIn: SESSION_MAX_AGE_SECONDS,
      updateAge: 60 * 60 * 24,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "AUTHOR" },
      },
    },
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "newsroom",
      useSecureCookies: site.url.protocol === "https:",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    plugins: [nextCookies()],
  });
}

let instance: ReturnType<typeof createAuth> | undefined;

/** Built on first use, not at import: `next build` imports every route and needs no secret. */
export function auth(): ReturnType<typeof createAuth> {
  instance ??= createAuth();
  return instance;
}

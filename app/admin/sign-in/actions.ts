"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { claimSignInAttempt, signInSucceeded, type SignInAttempt } from "@/lib/auth/throttle";
import { TooManySignInAttemptsError } from "@/lib/errors";
import { clientFingerprint } from "@/lib/fingerprint";
import type { ActionState } from "../action-state";

const credentials = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(128),
});

const WRONG_CREDENTIALS = "البريد الإلكتروني أو كلمة المرور غير صحيحة.";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const emailField = formData.get("email");
  const email = typeof emailField === "string" ? emailField : "";
  const parsed = credentials.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) {
    return { status: "error", message: "اكتب البريد الإلكتروني وكلمة المرور.", fieldErrors: {}, values: { email } };
  }
  const requestHeaders = await headers();
  const client = clientFingerprint(requestHeaders);
  let attempt: SignInAttempt;
  try {
    // Counted as a failure until the password proves right (see lib/auth/throttle.ts).
    attempt = await claimSignInAttempt(parsed.data.email, client);
    await auth().api.signInEmail({ body: parsed.data, headers: requestHeaders });
  } catch (error) {
    if (error instanceof TooManySignInAttemptsError) {
      return { status: "error", message: error.publicMessage, fieldErrors: {}, values: { email } };
    }
    if (isAPIError(error)) return { status: "error", message: WRONG_CREDENTIALS, fieldErrors: {}, values: { email } };
    throw error;
  }
  await signInSucceeded(attempt);
  redirect("/admin/articles");
}

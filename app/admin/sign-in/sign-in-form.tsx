"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "../action-state";
import { signInAction } from "./actions";

export function SignInForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(signInAction, idleState);
  const email = state.status === "error" ? (state.values?.email ?? "") : "";
  return (
    <form action={action} className="admin-form sign-in-form" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">الدخول إلى غرفة الأخبار</h1>
      {state.status === "error" ? (
        <p role="alert" className="form-message form-message-error">
          {state.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="email">البريد الإلكتروني</label>
        <input id="email" name="email" type="email" autoComplete="username" dir="ltr" required defaultValue={email} />
      </div>
      <div className="field">
        <label htmlFor="password">كلمة المرور</label>
        <input id="password" name="password" type="password" autoComplete="current-password" dir="ltr" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "جارٍ الدخول…" : "دخول"}
      </button>
    </form>
  );
}

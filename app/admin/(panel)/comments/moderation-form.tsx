"use client";

import { useActionState, type ReactNode } from "react";
import { idleState, type ActionState } from "../../action-state";
import { moderateCommentsAction } from "./actions";

/** The queue's form: a client leaf only to show the result; it works the same without JavaScript. */
export function ModerationForm({ children }: { children: ReactNode }) {
  const [state, action] = useActionState<ActionState, FormData>(moderateCommentsAction, idleState);
  return (
    <form action={action} aria-label="مراجعة التعليقات">
      {state.status !== "idle" ? (
        <p role={state.status === "ok" ? "status" : "alert"} className={`form-message form-message-${state.status === "ok" ? "success" : "error"}`}>
          {state.message}
        </p>
      ) : null}
      {children}
    </form>
  );
}

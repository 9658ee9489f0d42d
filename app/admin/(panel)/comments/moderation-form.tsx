"use client";

import { useActionState, type ReactNode } from "react";
import { idleState, type ActionState } from "../../action-state";
import { FormMessage } from "../../form-message";
import { moderateCommentsAction } from "./actions";

/** The queue's form: a client leaf only to show the result; it works the same without JavaScript. */
export function ModerationForm({ children }: { children: ReactNode }) {
  const [state, action] = useActionState<ActionState, FormData>(moderateCommentsAction, idleState);
  return (
    <form action={action} aria-label="مراجعة التعليقات">
      <FormMessage state={state} />
      {children}
    </form>
  );
}

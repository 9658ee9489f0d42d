"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "../action-state";

/** A one-click admin action (close comments, trash…) that still reports a refusal. */
export function ActionButton({
  action,
  label,
  variant = "secondary",
}: {
  action: () => Promise<ActionState>;
  label: string;
  variant?: "secondary" | "danger";
}) {
  const [state, formAction, pending] = useActionState<ActionState>(action, idleState);
  return (
    <form action={formAction} className="action-button">
      <button type="submit" className={`button button-${variant}`} disabled={pending}>
        {label}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

import type { ActionState } from "./action-state";

/**
 * What an admin form's last submission answered: a status line when it worked, an alert when it
 * did not. Forms without inline field errors pass `withFieldErrors` to list them here.
 */
export function FormMessage({
  state,
  withFieldErrors = false,
}: {
  state: ActionState<unknown>;
  withFieldErrors?: boolean;
}) {
  if (state.status === "idle") return null;
  const ok = state.status === "ok";
  const fieldErrors = !ok && withFieldErrors ? Object.values(state.fieldErrors).flat() : [];
  return (
    <p role={ok ? "status" : "alert"} className={`form-message form-message-${ok ? "success" : "error"}`}>
      {state.message}
      {fieldErrors.length ? ` ${fieldErrors.join(" ")}` : null}
    </p>
  );
}

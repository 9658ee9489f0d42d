"use client";

import { useActionState, useId } from "react";
import { idleState, type ActionState } from "../../action-state";
import { createUserAction } from "./actions";

const ROLES = [
  ["AUTHOR", "كاتب"],
  ["EDITOR", "محرر"],
  ["ADMIN", "مدير"],
] as const;

function Message({ state }: { state: ActionState }) {
  if (state.status === "idle") return null;
  return (
    <p role={state.status === "ok" ? "status" : "alert"} className={`form-message form-message-${state.status === "ok" ? "success" : "error"}`}>
      {state.message}
      {state.status === "error" && Object.keys(state.fieldErrors).length ? ` ${Object.values(state.fieldErrors).flat().join(" ")}` : null}
    </p>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, idleState);
  const id = useId();
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={action} className="admin-form" aria-label="حساب جديد">
      <Message state={state} />
      <div className="field">
        <label htmlFor={`${id}-email`}>البريد الإلكتروني</label>
        <input id={`${id}-email`} name="email" type="email" dir="ltr" required defaultValue={values.email} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>الاسم كما يظهر في التوقيع</label>
        <input id={`${id}-name`} name="name" required defaultValue={values.name} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>الدور</label>
        <select id={`${id}-role`} name="role" defaultValue={values.role ?? "AUTHOR"}>
          {ROLES.map(([role, label]) => (
            <option key={role} value={role}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-bio`}>نبذة للقرّاء</label>
        <textarea id={`${id}-bio`} name="bio" rows={2} defaultValue={values.bio} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        إنشاء الحساب
      </button>
    </form>
  );
}

export function UserRowForm({ action, name, role, bio }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; name: string; role: string; bio: string }) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const id = useId();
  return (
    <form action={formAction} className="user-row-form" aria-label={`حساب ${name}`}>
      <label htmlFor={`${id}-role`}>الدور</label>
      <select id={`${id}-role`} name="role" defaultValue={role}>
        {ROLES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-bio`}>النبذة</label>
      <input id={`${id}-bio`} name="bio" defaultValue={bio} />
      <button type="submit" className="button button-secondary" disabled={pending}>
        حفظ
      </button>
      <Message state={state} />
    </form>
  );
}

"use client";

import { useActionState, useId } from "react";
import { idleState, type ActionState } from "../../action-state";
import { FormMessage } from "../../form-message";
import { ROLE_LABELS } from "../../roles";
import { createUserAction } from "./actions";

const ROLES = Object.entries(ROLE_LABELS);

export function CreateUserForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, idleState);
  const id = useId();
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={action} className="admin-form" aria-label="حساب جديد">
      <FormMessage state={state} withFieldErrors />
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

export function UserRowForm({
  action,
  name,
  role,
  bio,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
  role: string;
  bio: string;
}) {
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
      <FormMessage state={state} withFieldErrors />
    </form>
  );
}

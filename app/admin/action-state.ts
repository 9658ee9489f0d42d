import { DomainError, InvalidInputError } from "@/lib/errors";

/** What every admin Server Action answers, so each form renders success, errors and kept values alike. */
export type ActionState<Values = Record<string, string | undefined>> =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string[]>; values?: Values };

export const idleState = { status: "idle" } as const;

/** Turns a refusal into the form's answer; anything unexpected is logged and reported vaguely. */
export function failure<Values>(error: unknown, values?: Values): ActionState<Values> {
  if (error instanceof InvalidInputError) {
    return { status: "error", message: error.publicMessage, fieldErrors: error.fieldErrors, values };
  }
  if (error instanceof DomainError) return { status: "error", message: error.publicMessage, fieldErrors: {}, values };
  console.error("admin action failed", error);
  return {
    status: "error",
    message: "تعذّر الحفظ الآن بسبب خطأ غير متوقع. لم يُفقد ما كتبته؛ أعد المحاولة.",
    fieldErrors: {},
    values,
  };
}

/** FormData fields as strings (a file or a missing field is undefined). */
export function formValues<Field extends string>(
  formData: FormData,
  fields: readonly Field[],
): Record<Field, string | undefined> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = formData.get(field);
      return [field, typeof value === "string" ? value : undefined];
    }),
  ) as Record<Field, string | undefined>;
}

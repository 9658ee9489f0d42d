"use server";

import { actingNewsroomUser } from "@/lib/auth/session";
import { updateSettings } from "@/lib/settings";
import { failure, formValues, type ActionState } from "../../action-state";

export async function saveSettingsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["commentModeration", "commentsCloseAfterDays"] as const);
  try {
    await updateSettings(await actingNewsroomUser(), {
      commentModeration: values.commentModeration,
      commentsCloseAfterDays: values.commentsCloseAfterDays || null,
    });
  } catch (error) {
    return failure(error, values);
  }
  return { status: "ok", message: "حُفظت الإعدادات." };
}

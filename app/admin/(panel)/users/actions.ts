"use server";

import { revalidatePath } from "next/cache";
import { actingNewsroomUser } from "@/lib/auth/session";
import { writerChanged } from "@/lib/cache/expiry";
import { addNewsroomUser, updateNewsroomUser } from "@/lib/users/accounts";
import { failure, formValues, type ActionState } from "../../action-state";

export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["email", "name", "role", "bio"] as const);
  try {
    const user = await addNewsroomUser(await actingNewsroomUser(), values);
    revalidatePath("/admin/users");
    return {
      status: "ok",
      message: `أُنشئ حساب ${user.email}. كلمة المرور (تظهر مرة واحدة، أبلغها لصاحبها بأمان): ${user.password}`,
    };
  } catch (error) {
    return failure(error, values);
  }
}

export async function updateUserAction(
  userId: string,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const values = formValues(formData, ["role", "bio"] as const);
  try {
    await updateNewsroomUser(await actingNewsroomUser(), userId, values);
  } catch (error) {
    return failure(error, values);
  }
  writerChanged();
  revalidatePath("/admin/users");
  return { status: "ok", message: "حُفظ." };
}

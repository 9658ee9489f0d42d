"use server";

import { revalidatePath } from "next/cache";
import { actingNewsroomUser } from "@/lib/auth/session";
import { moderateComments } from "@/lib/comments/moderation";
import { commentsChanged } from "@/lib/cache/expiry";
import { failure, type ActionState } from "../../action-state";

/**
 * One form serves the whole queue: a row's own button sends `one=<action>:<id>`, the bulk bar sends
 * `action` with the checked `ids`.
 */
export async function moderateCommentsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const one = formData.get("one");
  const [action, ids] =
    typeof one === "string" && one.includes(":")
      ? [one.split(":")[0], [one.split(":")[1]]]
      : [formData.get("action"), formData.getAll("ids")];
  try {
    const slugs = await moderateComments(await actingNewsroomUser(), { action, ids });
    for (const slug of slugs) commentsChanged(slug);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin", "layout");
  return { status: "ok", message: "تم تحديث التعليقات." };
}

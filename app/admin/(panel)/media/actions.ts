"use server";

import { revalidatePath } from "next/cache";
import { actingNewsroomUser } from "@/lib/auth/session";
import { deleteMedia, uploadImage } from "@/lib/media/library";
import { failure, type ActionState } from "../../action-state";

export async function uploadImageAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const file = formData.get("file");
  try {
    const editor = await actingNewsroomUser();
    const upload =
      file instanceof File
        ? { name: file.name, data: Buffer.from(await file.arrayBuffer()) }
        : { name: "", data: Buffer.alloc(0) };
    const media = await uploadImage(editor, upload, formData.get("alt"));
    revalidatePath("/admin/media");
    return { status: "ok", message: `رُفعت الصورة: ${media.url}` };
  } catch (error) {
    const alt = formData.get("alt");
    return failure(error, { alt: typeof alt === "string" ? alt : "" });
  }
}

export async function deleteMediaAction(id: number): Promise<ActionState> {
  try {
    await deleteMedia(await actingNewsroomUser(), id);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin/media");
  return { status: "ok", message: "حُذفت الصورة." };
}

"use server";

import { redirect } from "next/navigation";
import { actingNewsroomUser } from "@/lib/auth/session";
import { sitePagesChanged } from "@/lib/cache/expiry";
import { saveSitePage } from "@/lib/pages/pages";
import { failure, formValues, type ActionState } from "../../action-state";

const FIELDS = ["title", "slug", "body"] as const;

/** Creates (id null) or saves a site page; every rule is lib/pages/pages.ts's. */
export async function saveSitePageAction(
  id: number | null,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const values = formValues(formData, FIELDS);
  let saved: { id: number };
  try {
    saved = await saveSitePage(await actingNewsroomUser(), id, values);
  } catch (error) {
    return failure(error, values);
  }
  sitePagesChanged();
  if (id === null) redirect(`/admin/pages/${saved.id}`);
  return { status: "ok", message: "حُفظت الصفحة." };
}

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NotSignedInError } from "../errors";
import type { Editor } from "./access";
import { auth } from "./auth";

const sessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["ADMIN", "EDITOR", "AUTHOR"]),
});

/** The signed-in editor of this request: the session cookie, checked against the database. */
export async function currentEditor(): Promise<Editor | null> {
  // headers() first: it marks the route dynamic before any auth work (none runs at build time).
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  const user = sessionUser.safeParse(session?.user);
  return user.success ? user.data : null;
}

/** For admin pages: the editor, or a redirect to the sign-in page. */
export async function requireEditor(): Promise<Editor> {
  const editor = await currentEditor();
  if (!editor) redirect("/admin/sign-in");
  return editor;
}

/** For admin Server Actions: the editor, or NotSignedInError (the action answers with it). */
export async function actingEditor(): Promise<Editor> {
  const editor = await currentEditor();
  if (!editor) throw new NotSignedInError();
  return editor;
}

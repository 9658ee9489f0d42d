import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NotSignedInError } from "../errors";
import type { NewsroomUser } from "./access";
import { auth } from "./auth";

const sessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["ADMIN", "EDITOR", "AUTHOR"]),
});

/** The signed-in newsroom user of this request: the session cookie, checked against the database. */
export async function currentNewsroomUser(): Promise<NewsroomUser | null> {
  // headers() first: it marks the route dynamic before any auth work (none runs at build time).
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  const user = sessionUser.safeParse(session?.user);
  return user.success ? user.data : null;
}

/** For admin pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireNewsroomUser(): Promise<NewsroomUser> {
  const user = await currentNewsroomUser();
  if (!user) redirect("/admin/sign-in");
  return user;
}

/** For admin Server Actions: the signed-in user, or NotSignedInError (the action answers with it). */
export async function actingNewsroomUser(): Promise<NewsroomUser> {
  const user = await currentNewsroomUser();
  if (!user) throw new NotSignedInError();
  return user;
}

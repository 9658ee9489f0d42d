import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentNewsroomUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "الدخول" };

export default async function SignInPage() {
  if (await currentNewsroomUser()) redirect("/admin/articles");
  return (
    <main id="main" className="sign-in-page">
      <SignInForm />
    </main>
  );
}

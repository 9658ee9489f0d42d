import type { Metadata } from "next";
import { canManageSettings } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings";
import { Forbidden } from "../forbidden";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "الإعدادات" };

export default async function SettingsPage() {
  const editor = await requireNewsroomUser();
  if (!canManageSettings(editor)) return <Forbidden />;
  return (
    <>
      <h1>الإعدادات</h1>
      <SettingsForm settings={await getSettings()} />
    </>
  );
}

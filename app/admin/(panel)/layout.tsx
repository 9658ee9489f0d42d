import Link from "next/link";
import type { ReactNode } from "react";
import { canEditSitePages, canManageSettings, canManageUsers, canModerateComments } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { countCommentsByStatus } from "@/lib/comments/moderation";
import { formatArabicNumber } from "@/lib/format";
import { ROLE_LABELS } from "../roles";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

// Every page below also checks the editor itself: this layout is navigation, not protection.
export default async function PanelLayout({ children }: { children: ReactNode }) {
  const editor = await requireNewsroomUser();
  const pending = canModerateComments(editor) ? (await countCommentsByStatus(editor)).PENDING : 0;
  return (
    <>
      <header className="admin-header">
        <Link href="/admin/articles" className="admin-brand">
          غرفة الأخبار
        </Link>
        <nav aria-label="غرفة الأخبار">
          <ul>
            <li>
              <Link href="/admin/articles">المقالات</Link>
            </li>
            <li>
              <Link href="/admin/articles/new">مقال جديد</Link>
            </li>
            <li>
              <Link href="/admin/media">الوسائط</Link>
            </li>
            {canModerateComments(editor) ? (
              <li>
                <Link href="/admin/comments">
                  التعليقات <span className="badge">{`بانتظار المراجعة: ${formatArabicNumber(pending)}`}</span>
                </Link>
              </li>
            ) : null}
            {canEditSitePages(editor) ? (
              <li>
                <Link href="/admin/pages">صفحات الموقع</Link>
              </li>
            ) : null}
            {canManageUsers(editor) ? (
              <li>
                <Link href="/admin/users">المستخدمون</Link>
              </li>
            ) : null}
            {canManageSettings(editor) ? (
              <li>
                <Link href="/admin/settings">الإعدادات</Link>
              </li>
            ) : null}
            <li>
              <Link href="/">الموقع</Link>
            </li>
          </ul>
        </nav>
        <form action={signOutAction} className="admin-user">
          <span>
            <bdi>{editor.name}</bdi> ({ROLE_LABELS[editor.role]})
          </span>
          <button type="submit" className="button-link">
            خروج
          </button>
        </form>
      </header>
      <main id="main" className="admin-main">
        {children}
      </main>
    </>
  );
}

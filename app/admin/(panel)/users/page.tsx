import type { Metadata } from "next";
import { canManageUsers } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { authorPath } from "@/lib/paths";
import { listUsers } from "@/lib/users/accounts";
import { Forbidden } from "../forbidden";
import { updateUserAction } from "./actions";
import { CreateUserForm, UserRowForm } from "./user-forms";
import { ReaderLink } from "../../reader-link";

export const metadata: Metadata = { title: "المستخدمون" };

export default async function UsersPage() {
  const editor = await requireNewsroomUser();
  if (!canManageUsers(editor)) return <Forbidden />;
  const users = await listUsers(editor);
  return (
    <>
      <h1>المستخدمون</h1>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">الاسم</th>
            <th scope="col">البريد الإلكتروني</th>
            <th scope="col">الدور والنبذة</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <ReaderLink href={authorPath(user.slug ?? user.id)}>{user.name}</ReaderLink>
              </td>
              <td>
                <bdi dir="ltr">{user.email}</bdi>
              </td>
              <td>
                <UserRowForm
                  action={updateUserAction.bind(null, user.id)}
                  name={user.name}
                  role={user.role}
                  bio={user.bio ?? ""}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>حساب جديد</h2>
      <CreateUserForm />
    </>
  );
}

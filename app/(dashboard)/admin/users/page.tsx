// Admin: users and their roles. Create accounts, change a role, deactivate or reactivate.
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { ROLES } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { listUsers } from "@/lib/users/manage-users";
import { PageHeader } from "@/components/layout/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { TableHead } from "@/components/ui/table-head";

export default async function UsersPage() {
  const actor = await requirePermission("users:manage");
  const { t, locale } = await getMessages();
  const users = await listUsers(db, actor);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t.roles[r] }));
  return (
    <>
      <PageHeader title={t.users.title} />
      <div className="overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-left text-sm">
          <TableHead columns={[t.users.name, t.users.email, t.users.status, t.users.lastLogin, t.users.role]} cellClassName="px-4 py-2" />
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t" data-testid={`user-${u.email}`}>
                <td className="px-4 py-2">{u.name}</td>
                <td className="px-4 py-2 font-mono">{u.email}</td>
                <td className="px-4 py-2">{u.active ? t.users.active : t.users.inactive}</td>
                <td className="px-4 py-2">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t.users.never}</td>
                <td className="px-4 py-2">
                  <UserRowActions user={{ id: u.id, role: u.role, active: u.active, email: u.email }} roles={roleOptions} labels={t.users} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CreateUserForm roles={roleOptions} labels={t.users} />
    </>
  );
}

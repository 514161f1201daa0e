"use client";
import { useActionState } from "react";
import { updateUserAction } from "@/app/(dashboard)/admin/users/actions";
import type { Messages } from "@/lib/i18n/messages";

type Props = {
  user: { id: string; role: string; active: boolean; email: string };
  roles: { value: string; label: string }[];
  labels: Messages["users"];
};

export function UserRowActions({ user, roles, labels }: Props) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form key={user.role} action={action} className="flex items-center gap-1">
        <input type="hidden" name="id" value={user.id} />
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          {labels.role} ({user.email})
        </label>
        <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded border border-slate-300 px-2 py-1">
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <button disabled={pending} className="rounded border px-2 py-1 hover:bg-slate-100">
          {labels.changeRole}
        </button>
      </form>
      <form action={action}>
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <button disabled={pending} className="rounded border px-2 py-1 hover:bg-slate-100">
          {user.active ? labels.deactivate : labels.activate}
        </button>
      </form>
      {state && !state.ok && (
        <p role="alert" className="w-full text-red-700">
          {state.message}
        </p>
      )}
      {state?.ok && !pending && (
        <p role="status" className="w-full text-green-700">
          {labels.updated}
        </p>
      )}
    </div>
  );
}

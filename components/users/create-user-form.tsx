"use client";
import { useActionState } from "react";
import { createUserAction } from "@/app/(dashboard)/admin/users/actions";
import type { Messages } from "@/lib/i18n/messages";

type Props = { roles: { value: string; label: string }[]; labels: Messages["users"] };

export function CreateUserForm({ roles, labels }: Props) {
  const [state, action, pending] = useActionState(createUserAction, null);
  const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
  return (
    <section className="mt-8 rounded-lg border bg-white p-5" aria-labelledby="create-user">
      <h2 id="create-user" className="mb-3 font-semibold">
        {labels.create}
      </h2>
      <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <label className="block text-sm">
          {labels.name}
          <input name="name" required className={field} />
        </label>
        <label className="block text-sm">
          {labels.email}
          <input name="email" type="email" required className={field} />
        </label>
        <label className="block text-sm">
          {labels.role}
          <select name="role" className={field}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {labels.password}
          <input name="password" type="password" minLength={10} required className={field} />
        </label>
        <div className="flex items-end">
          <button disabled={pending} className="w-full rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
            {labels.create}
          </button>
        </div>
      </form>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`mt-3 text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? labels.created : state.message}
        </p>
      )}
    </section>
  );
}

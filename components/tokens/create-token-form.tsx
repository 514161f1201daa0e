"use client";
// Creates a token through POST /api/v1/tokens and shows it once; the list refreshes.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";

type Props = { scopes: string[]; labels: Messages["data"]["tokens"] };

export function CreateTokenForm({ scopes, labels }: Props) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

  async function submit(form: FormData) {
    setError(null);
    setCreated(null);
    const res = await fetch("/api/v1/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: form.get("name"), scopes: form.getAll("scopes"), expiresInDays: Number(form.get("expiresInDays")) }),
    });
    const body = await res.json();
    if (!res.ok) return setError(body.error?.message ?? res.statusText);
    setCreated(body.token);
    router.refresh();
  }

  return (
    <section className="mt-6 rounded-lg border bg-white p-5" aria-labelledby="create-token">
      <h2 id="create-token" className="mb-3 font-semibold">
        {labels.create}
      </h2>
      <form action={submit} className="grid gap-3 sm:grid-cols-3">
        <label className="block text-sm">
          {labels.name}
          <input name="name" required maxLength={80} className={field} />
        </label>
        <fieldset className="text-sm">
          <legend>{labels.scopes}</legend>
          {scopes.map((s) => (
            <label key={s} className="mr-3 inline-flex items-center gap-1 font-mono">
              <input type="checkbox" name="scopes" value={s} /> {s}
            </label>
          ))}
        </fieldset>
        <label className="block text-sm">
          {labels.expiresInDays}
          <input name="expiresInDays" type="number" min={1} max={366} defaultValue={90} required className={field} />
        </label>
        <div>
          <button className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800">{labels.create}</button>
        </div>
      </form>
      {created && (
        <div role="status" className="mt-3 rounded-md bg-green-50 p-3 text-sm text-green-900">
          {labels.created}
          <code className="mt-1 block break-all font-mono" data-testid="new-token">
            {created}
          </code>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {labels.error} {error}
        </p>
      )}
    </section>
  );
}

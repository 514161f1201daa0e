"use client";
// Acknowledge (optional comment) or resolve (comment required) one alert; the feed refetches after.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { AlertLabels } from "@/lib/i18n/areas/alerts";
import { fill } from "@/components/pipeline/run-format";

async function post(url: string, body: object) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`);
}

export function AlertActions({ id, status, t }: { id: string; status: "open" | "acknowledged"; t: AlertLabels["feed"] }) {
  const client = useQueryClient();
  const field = useId();
  const [comment, setComment] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const action = useMutation({
    mutationFn: ({ verb }: { verb: "acknowledge" | "resolve" }) => post(`/api/v1/alerts/${id}/${verb}`, { comment: comment.trim() || null }),
    onSuccess: () => {
      setComment("");
      return client.invalidateQueries({ queryKey: ["alerts"] });
    },
  });
  const resolve = () => {
    if (!comment.trim()) return setHint(t.resolveNeedsComment);
    setHint(null);
    action.mutate({ verb: "resolve" });
  };
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      <label htmlFor={field} className="sr-only">{t.commentOptional}</label>
      <input id={field} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t.commentOptional} className="min-w-48 flex-1 rounded border px-2 py-1 text-sm" />
      {status === "open" && (
        <button type="button" disabled={action.isPending} onClick={() => action.mutate({ verb: "acknowledge" })} className="rounded bg-indigo-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">
          {t.acknowledge}
        </button>
      )}
      <button type="button" disabled={action.isPending} onClick={resolve} className="rounded border border-slate-400 px-3 py-1 text-sm font-medium disabled:opacity-50">
        {t.resolve}
      </button>
      {(hint || action.error) && (
        <p role="alert" className="w-full text-sm text-red-700">
          {hint ?? fill(t.actionFailed, { message: action.error!.message })}
        </p>
      )}
    </div>
  );
}

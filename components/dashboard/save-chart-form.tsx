"use client";
// "Save to my dashboard": names the current explorer view and keeps its query.
import { useActionState } from "react";
import { saveChartAction, type SaveState } from "@/app/(dashboard)/analyst/actions";

type Labels = { save: string; chartTitle: string; saved: string };

export function SaveChartForm({ query, defaultTitle, labels }: { query: Record<string, string>; defaultTitle: string; labels: Labels }) {
  const [state, action, pending] = useActionState<SaveState, FormData>(saveChartAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="query" value={JSON.stringify(query)} />
      <label className="flex flex-col text-xs text-slate-600">
        {labels.chartTitle}
        <input name="title" required maxLength={120} defaultValue={defaultTitle} key={defaultTitle} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-indigo-700 px-3 py-1.5 text-sm font-medium text-indigo-800 hover:bg-indigo-50 disabled:opacity-50">
        {labels.save}
      </button>
      <span role="status" className={`text-sm ${state?.ok ? "text-emerald-800" : "text-red-800"}`}>
        {state ? (state.ok ? labels.saved : state.message) : ""}
      </span>
    </form>
  );
}

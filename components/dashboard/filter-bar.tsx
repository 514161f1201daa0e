"use client";
// The global filters of a dashboard page. A plain GET form (works without JavaScript, shareable
// URL); with JavaScript each change applies at once by replacing the URL's search params.
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import type { DashboardFilters, Grain, Preset } from "@/lib/dashboard/date-range";
import { GRAINS, PRESETS } from "@/lib/dashboard/date-range";
import type { FilterOptions } from "@/lib/dashboard/get-filter-options";
import type { Messages } from "@/lib/i18n/messages";

type Labels = Messages["dashboard"]["filters"];
type Props = {
  filters: DashboardFilters;
  options: FilterOptions;
  labels: Labels;
  show?: { grain?: boolean; category?: boolean; channel?: boolean };
  /** More fields of the page's own (e.g. the explorer's KPI and dimension), applied the same way. */
  extraFields?: React.ReactNode;
};

export function FilterBar({ filters, options, labels, show = { grain: true, category: true, channel: true }, extraFields }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    // Keep the URL's other params; this form's fields replace theirs (empty = removed).
    const q = new URLSearchParams(window.location.search);
    for (const [k, v] of data) {
      const custom = data.get("range") === "custom" || (k !== "from" && k !== "to");
      if (typeof v === "string" && v && custom) q.set(k, v);
      else q.delete(k);
    }
    startTransition(() => router.replace(`${pathname}?${q}`, { scroll: false }));
  }

  const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form
      method="get"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border bg-white p-3"
      aria-label={labels.title}
      aria-busy={pending}
      onChange={(e) => apply(e.currentTarget)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {extraFields}
      <label className="flex flex-col text-xs text-slate-600">
        {labels.range}
        <select name="range" defaultValue={filters.preset} className={select}>
          {PRESETS.map((p: Preset) => (
            <option key={p} value={p}>
              {labels.presets[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        {labels.from}
        <input type="date" name="from" defaultValue={filters.from} key={`from-${filters.from}`} className={select} onFocus={(e) => selectCustom(e.currentTarget.form)} />
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        {labels.to}
        <input type="date" name="to" defaultValue={filters.to} key={`to-${filters.to}`} className={select} onFocus={(e) => selectCustom(e.currentTarget.form)} />
      </label>
      {show.grain && (
        <label className="flex flex-col text-xs text-slate-600">
          {labels.grain}
          <select name="grain" defaultValue={filters.grain} className={select}>
            {GRAINS.map((g: Grain) => (
              <option key={g} value={g}>
                {labels.grains[g]}
              </option>
            ))}
          </select>
        </label>
      )}
      {show.category && (
        <label className="flex flex-col text-xs text-slate-600">
          {labels.category}
          <select name="category" defaultValue={filters.category ?? ""} className={select}>
            <option value="">{labels.all}</option>
            {options.categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      )}
      {show.channel && (
        <label className="flex flex-col text-xs text-slate-600">
          {labels.channel}
          <select name="channel" defaultValue={filters.channel ?? ""} className={select}>
            <option value="">{labels.all}</option>
            {options.channels.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800">
        {labels.apply}
      </button>
      <p className="basis-full text-xs text-slate-500" data-testid="comparison-period">
        {labels.comparedWith} {filters.previous.from} → {filters.previous.to}
      </p>
    </form>
  );
}

// Typing a date means a custom range.
function selectCustom(form: HTMLFormElement | null) {
  const range = form?.elements.namedItem("range");
  if (range instanceof HTMLSelectElement) range.value = "custom";
}

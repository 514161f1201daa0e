"use client";
// Several values side by side per item (e.g. revenue per day before / during / after each
// promotion), with the table alternative.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UiLocale } from "@/lib/format";
import type { Unit } from "@/lib/kpi/registry";
import { compactTick, exactLabel, toNumber } from "./axis-format";
import { ChartTable } from "./chart-table";
import { seriesColor } from "./palette";

type Props = {
  title: string;
  items: { label: string; values: Record<string, string | null> }[];
  series: { key: string; label: string }[];
  unit: Unit;
  locale: UiLocale;
  labels: { table: string; key: string };
  height?: number;
  testId?: string;
};

export function GroupedBarChart({ title, items, series, unit, locale, labels, height = 260, testId }: Props) {
  const data = items.map((i) => ({ label: i.label, ...Object.fromEntries(series.map((s) => [s.key, toNumber(i.values[s.key])])) }));
  return (
    <figure data-testid={testId} className="w-full">
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={compactTick(unit, locale)} tick={{ fontSize: 12 }} width={72} />
            <Tooltip formatter={exactLabel(unit, locale)} />
            <Legend itemSorter={null} />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColor(i)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable summary={labels.table} rowHeader={labels.key} columns={series} rows={items} unit={unit} locale={locale} />
    </figure>
  );
}

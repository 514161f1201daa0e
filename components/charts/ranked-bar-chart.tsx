"use client";
// Values compared across keys (categories, products, channels): horizontal bars, largest
// first, with the table alternative.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UiLocale } from "@/lib/format";
import type { Unit } from "@/lib/kpi/registry";
import { compactTick, exactLabel, toNumber } from "./axis-format";
import { ChartTable } from "./chart-table";
import { seriesColor } from "./palette";

type Props = {
  title: string;
  items: { key: string; label: string; value: string | null }[];
  unit: Unit;
  locale: UiLocale;
  labels: { table: string; key: string; value: string };
  testId?: string;
};

export function RankedBarChart({ title, items, unit, locale, labels, testId }: Props) {
  const data = items.map((i) => ({ label: i.label, value: toNumber(i.value) }));
  const height = Math.max(120, 32 * items.length + 40);
  // Room for the longest label, within reason (about 6.5 px a character at 12 px).
  const labelWidth = Math.min(260, Math.max(80, Math.max(...items.map((i) => i.label.length)) * 6.5));
  return (
    <figure data-testid={testId} className="w-full">
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" tickFormatter={compactTick(unit, locale)} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} />
            <Tooltip formatter={exactLabel(unit, locale)} />
            <Bar dataKey="value" name={labels.value} fill={seriesColor(0)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        summary={labels.table}
        rowHeader={labels.key}
        columns={[{ key: "value", label: labels.value }]}
        rows={items.map((i) => ({ label: i.label, values: { value: i.value } }))}
        unit={unit}
        locale={locale}
      />
    </figure>
  );
}

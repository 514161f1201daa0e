"use client";
// A KPI over time, one line (or stacked bars) per series, with its table alternative.
// Props in, no fetching: pages pass decimal strings from the data layer.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UiLocale } from "@/lib/format";
import type { Unit } from "@/lib/kpi/registry";
import { compactTick, exactLabel, toNumber } from "./axis-format";
import { ChartTable } from "./chart-table";
import { seriesColor } from "./palette";

export type SeriesPoint = { period: string; values: Record<string, string | null> };

type Props = {
  title: string;
  points: SeriesPoint[];
  series: { key: string; label: string; dashed?: boolean }[];
  unit: Unit;
  locale: UiLocale;
  kind?: "line" | "stacked-bar";
  height?: number;
  labels: { table: string; period: string };
  testId?: string;
};

export function TimeSeriesChart({ title, points, series, unit, locale, kind = "line", height = 280, labels, testId }: Props) {
  const data = points.map((p) => ({ period: p.period, ...Object.fromEntries(series.map((s) => [s.key, toNumber(p.values[s.key])])) }));
  const tick = compactTick(unit, locale);
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={24} />
      <YAxis tickFormatter={tick} tick={{ fontSize: 12 }} width={72} />
      <Tooltip formatter={exactLabel(unit, locale)} />
      {series.length > 1 && <Legend itemSorter={null} />}
    </>
  );
  return (
    <figure data-testid={testId} className="w-full">
      <figcaption className="sr-only">{title}</figcaption>
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {kind === "stacked-bar" ? (
            <BarChart data={data}>
              {axes}
              {series.map((s, i) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={seriesColor(i)} isAnimationActive={false} />
              ))}
            </BarChart>
          ) : (
            <LineChart data={data}>
              {axes}
              {series.map((s, i) => (
                <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={seriesColor(i)} strokeWidth={2} strokeDasharray={s.dashed ? "5 4" : undefined} dot={data.length < 40} isAnimationActive={false} connectNulls />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <ChartTable
        summary={labels.table}
        rowHeader={labels.period}
        columns={series.map((s) => ({ key: s.key, label: s.label }))}
        rows={points.map((p) => ({ label: p.period, values: p.values }))}
        unit={unit}
        locale={locale}
      />
    </figure>
  );
}

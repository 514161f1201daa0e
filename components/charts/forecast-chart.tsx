"use client";
// History and forecast of one series with its 80% and 95% bands (recharts range areas). Props
// in, no fetching; pages pair it with a table of the same numbers for screen-reader users.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ForecastChartPoint = { day: string; actual?: number; point?: number; band80?: [number, number]; band95?: [number, number] };
type Labels = { actual: string; forecast: string; band80: string; band95: string };

export function ForecastChart({ points, labels, locale, title }: { points: ForecastChartPoint[]; labels: Labels; locale: "fr" | "en"; title: string }) {
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 0 });
  return (
    <figure className="h-80 w-full" aria-label={title} data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => number.format(v)} width={72} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => number.format(Number(x))).join(" – ") : number.format(Number(v)))} />
          <Legend />
          <Area dataKey="band95" name={labels.band95} stroke="none" fill="#bfdbfe" fillOpacity={0.5} isAnimationActive={false} />
          <Area dataKey="band80" name={labels.band80} stroke="none" fill="#60a5fa" fillOpacity={0.45} isAnimationActive={false} />
          <Line dataKey="actual" name={labels.actual} stroke="#0f172a" dot={false} strokeWidth={1.5} isAnimationActive={false} />
          <Line dataKey="point" name={labels.forecast} stroke="#1d4ed8" strokeDasharray="5 3" dot={false} strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

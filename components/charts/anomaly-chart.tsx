"use client";
// A small chart of one metric around an anomaly: expected range (band), expected value (dashed),
// observed value (line) and the anomaly day marked; the same points as a table for screen readers
// and keyboard users (inside <details>). Props in, no fetching.
import { Area, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type AnomalyPoint = { day: string; value: number | null; expected: number | null; low: number | null; high: number | null };
type Props = {
  points: AnomalyPoint[];
  highlightDay: string;
  caption: string;
  labels: { day: string; observed: string; expected: string; range: string };
  format: (value: number | null) => string;
  width?: number;
  height?: number;
};

export function AnomalyChart({ points, highlightDay, caption, labels, format, width = 360, height = 130 }: Props) {
  const data = points.map((p) => ({ ...p, band: p.low !== null && p.high !== null ? [p.low, p.high] : null }));
  return (
    <figure className="mt-2">
      <div aria-hidden="true">
        <ComposedChart width={width} height={height} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <XAxis dataKey="day" tick={{ fontSize: 10 }} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
          <YAxis tick={{ fontSize: 10 }} width={52} tickFormatter={(v: number) => format(v)} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => format(Number(x))).join(" – ") : format(Number(v)))} />
          <Area dataKey="band" name={labels.range} stroke="none" fill="#c7d2fe" isAnimationActive={false} />
          <Line dataKey="expected" name={labels.expected} stroke="#6366f1" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
          <Line dataKey="value" name={labels.observed} stroke="#0f172a" dot={false} isAnimationActive={false} />
          <ReferenceLine x={highlightDay} stroke="#dc2626" />
        </ComposedChart>
      </div>
      <figcaption className="text-xs text-slate-600">{caption}</figcaption>
      <details className="text-xs">
        <summary className="cursor-pointer text-indigo-700">{labels.day} / {labels.observed} / {labels.expected}</summary>
        <table className="mt-1">
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left">{labels.day}</th>
              <th scope="col" className="pr-3 text-right">{labels.observed}</th>
              <th scope="col" className="pr-3 text-right">{labels.expected}</th>
              <th scope="col" className="text-right">{labels.range}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day} className={p.day === highlightDay ? "font-semibold text-red-700" : undefined}>
                <td className="pr-3">{p.day}</td>
                <td className="pr-3 text-right">{format(p.value)}</td>
                <td className="pr-3 text-right">{format(p.expected)}</td>
                <td className="text-right">{p.low === null || p.high === null ? "—" : `${format(p.low)} – ${format(p.high)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

"use client";
// Several curves over a shared numeric x axis (e.g. one per cohort over months since
// acquisition). Props in, no fetching. Values arrive as decimal strings and become numbers only
// to be drawn; the caller shows the exact figures in a table, the accessible alternative.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Curve = { name: string; points: { x: number; y: string }[] };

const PALETTE = ["#0f766e", "#1d4ed8", "#b45309", "#7c3aed", "#be123c", "#15803d", "#0369a1", "#a16207", "#4338ca", "#c2410c", "#0e7490", "#6d28d9", "#9f1239"];

export function LineCurves({ curves, xLabel, ariaLabel, formatY }: { curves: Curve[]; xLabel: string; ariaLabel: string; formatY?: (v: number) => string }) {
  const xs = [...new Set(curves.flatMap((c) => c.points.map((p) => p.x)))].sort((a, b) => a - b);
  const rows = xs.map((x) => ({ x, ...Object.fromEntries(curves.map((c) => [c.name, Number(c.points.find((p) => p.x === x)?.y ?? NaN)])) }));
  return (
    <figure aria-label={ariaLabel} className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="x" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} label={{ value: xLabel, position: "insideBottom", offset: -12 }} />
          <YAxis tickFormatter={formatY} width={80} />
          <Tooltip formatter={(v) => (formatY && typeof v === "number" ? formatY(v) : String(v))} labelFormatter={(x) => `${xLabel}: ${x}`} />
          <Legend verticalAlign="top" />
          {curves.map((c, i) => (
            <Line key={c.name} type="monotone" dataKey={c.name} stroke={PALETTE[i % PALETTE.length]} dot={false} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

// Month-over-month movement as a from × to matrix of customer counts (rows: segment at the
// previous month end, or new this month; columns: segment now). The diagonal is who stayed.
import { formatKpiValue, formatMonth, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import type { SegmentMovement } from "@/lib/segments/get-segment-movement";
import { SEGMENTS, type Segment } from "@/lib/segments/segment-rules";

type Props = { movement: SegmentMovement; locale: UiLocale; labels: Messages["segments"] };

export function SegmentMovementTable({ movement, locale, labels }: Props) {
  const count = (from: Segment | null, to: Segment) => movement.flows.find((f) => f.from === from && f.to === to)?.customers ?? 0;
  const rows: (Segment | null)[] = [...SEGMENTS, null];
  const from = movement.previousMonth ? `${labels.movement.from} ${formatMonth(movement.previousMonth, locale)}` : labels.movement.from;
  return (
    <div className="overflow-x-auto">
      <table className="text-sm" data-testid="segment-movement">
        <caption className="sr-only">{labels.movement.heading}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-2 text-left">{from}</th>
            {SEGMENTS.map((s) => <th key={s} scope="col" className="px-2 py-2">{labels.names[s]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f ?? "acquired"} className="border-t">
              <th scope="row" className="px-2 py-1 text-left font-medium">{f ? labels.names[f] : labels.movement.newCustomers}</th>
              {SEGMENTS.map((to) => {
                const n = count(f, to);
                return (
                  <td key={to} className={`px-2 py-1 text-right tabular-nums ${f === to ? "bg-slate-100 font-semibold" : ""} ${n ? "" : "text-slate-400"}`} data-testid={`move-${f ?? "acquired"}-${to}`}>
                    {formatKpiValue(String(n), "count", locale)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

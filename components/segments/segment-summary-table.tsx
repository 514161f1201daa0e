// Customers, share and lifetime revenue per RFM segment, with a CSV export link per segment
// for users who may export (the link is a plain download: the file streams from the API).
import { TableHead } from "@/components/ui/table-head";
import { formatKpiValue, type UiLocale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import type { SegmentSummary } from "@/lib/segments/get-segment-summary";

type Props = { summary: SegmentSummary; locale: UiLocale; labels: Messages["segments"]; canExport: boolean };

export function SegmentSummaryTable({ summary, locale, labels, canExport }: Props) {
  const l = labels.summary;
  const monthQuery = summary.month ? `?month=${summary.month}` : "";
  return (
    <table className="w-full text-sm" data-testid="segment-summary">
      <caption className="sr-only">{l.heading}</caption>
      <TableHead columns={[l.segment, l.customers, l.share, l.revenue, ...(canExport ? [l.export] : [])]} />
      <tbody>
        {summary.segments.map((s) => (
          <tr key={s.segment} className="border-t" data-segment={s.segment}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{labels.names[s.segment]}</th>
            <td className="px-3 py-2 text-right tabular-nums" data-testid={`segment-${s.segment}-customers`}>{formatKpiValue(String(s.customers), "count", locale)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatKpiValue(s.share, "ratio", locale)}</td>
            <td className="px-3 py-2 text-right tabular-nums" data-testid={`segment-${s.segment}-revenue`}>{formatKpiValue(s.revenue, "eur", locale)}</td>
            {canExport && (
              <td className="px-3 py-2 text-right">
                {s.customers > 0 && (
                  <a className="text-blue-700 underline" href={`/api/v1/segments/${s.segment}/customers${monthQuery}`} download aria-label={`${l.exportLabel} ${labels.names[s.segment]}`}>
                    CSV
                  </a>
                )}
              </td>
            )}
          </tr>
        ))}
        <tr className="border-t font-semibold">
          <th scope="row" className="px-3 py-2 text-left">{l.total}</th>
          <td className="px-3 py-2 text-right tabular-nums" data-testid="segment-total-customers">{formatKpiValue(String(summary.totalCustomers), "count", locale)}</td>
          <td colSpan={canExport ? 3 : 2} />
        </tr>
      </tbody>
    </table>
  );
}

// The score → segment rules exactly as the pipeline applies them (lib/segments/segment-rules).
import { TableHead } from "@/components/ui/table-head";
import type { Messages } from "@/lib/i18n/messages";
import { SEGMENT_RULES, type SegmentRule } from "@/lib/segments/segment-rules";

const range = (r: SegmentRule["r"], any: string) => (!r ? any : r[0] === r[1] ? String(r[0]) : `${r[0]}–${r[1]}`);

export function SegmentRulesTable({ labels }: { labels: Messages["segments"] }) {
  const l = labels.rules;
  return (
    <div>
      <p className="mb-2 text-sm text-slate-600">{l.intro}</p>
      <table className="text-sm" data-testid="segment-rules">
        <caption className="sr-only">{l.heading}</caption>
        <TableHead columns={[labels.summary.segment, l.recency, l.frequency, l.monetary]} />
        <tbody>
          {SEGMENT_RULES.map((rule) => (
            <tr key={rule.segment} className="border-t">
              <th scope="row" className="px-3 py-1 text-left font-medium">{labels.names[rule.segment]}</th>
              <td className="px-3 py-1 text-center tabular-nums">{range(rule.r, l.any)}</td>
              <td className="px-3 py-1 text-center tabular-nums">{range(rule.f, l.any)}</td>
              <td className="px-3 py-1 text-center tabular-nums">{range(rule.m, l.any)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">{l.definitions}</p>
    </div>
  );
}

// One contract's rules: row rules are checked on each row, dataset rules across rows and sources.
import type { RuleDef } from "@/lib/pipeline/contracts";
import type { Messages } from "@/lib/i18n/messages";
import { TableHead } from "@/components/ui/table-head";

type Labels = Messages["contracts"];

export function RulesTable({ source, rules, labels }: { source: string; rules: readonly RuleDef[]; labels: Labels }) {
  if (!rules.length) return <p className="text-sm text-slate-600">{labels.noRules}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          {labels.rules} — {source}
        </caption>
        <TableHead columns={[labels.ruleId, labels.severity, labels.scope, labels.description]} cellClassName="px-4 py-2" />
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} className="border-t align-top" data-testid={`rule-${rule.id}`}>
              <th scope="row" className="px-4 py-2 font-mono font-medium whitespace-nowrap">{rule.id}</th>
              <td className="px-4 py-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs ${rule.severity === "error" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-800"}`}
                >
                  {rule.severity === "error" ? labels.severityError : labels.severityWarning}
                </span>
              </td>
              <td className="px-4 py-2">{rule.scope === "row" ? labels.scopeRow : labels.scopeDataset}</td>
              <td className="px-4 py-2 text-slate-700">{rule.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

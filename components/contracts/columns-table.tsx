// One contract's columns: type, required, allowed values and checks, PII kind, description, example.
import type { ColumnDef } from "@/lib/pipeline/contracts";
import type { Messages } from "@/lib/i18n/messages";
import { TableHead } from "@/components/ui/table-head";

type Labels = Messages["contracts"];

export function ColumnsTable({ source, columns, labels }: { source: string; columns: readonly ColumnDef[]; labels: Labels }) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          {labels.columns} — {source}
        </caption>
        <TableHead columns={[labels.column, labels.type, labels.required, labels.checks, labels.pii, labels.description, labels.example]} cellClassName="px-4 py-2" />
        <tbody>
          {columns.map((col) => (
            <tr key={col.name} className="border-t align-top" data-testid={`column-${source}-${col.name}`}>
              <th scope="row" className="px-4 py-2 font-mono font-medium whitespace-nowrap">{col.name}</th>
              <td className="px-4 py-2 font-mono whitespace-nowrap">{col.type}</td>
              <td className="px-4 py-2">{col.required ? labels.yes : labels.no}</td>
              <td className="px-4 py-2">
                <Checks col={col} labels={labels} />
              </td>
              <td className="px-4 py-2">
                {col.pii && <span className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-xs text-amber-800">{col.pii}</span>}
              </td>
              <td className="px-4 py-2 text-slate-700">{col.description}</td>
              <td className="px-4 py-2">
                <code className="font-mono text-xs break-all">{col.example}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Checks({ col, labels }: { col: ColumnDef; labels: Labels }) {
  const bounds = [
    col.min !== undefined ? `${labels.min} ${col.min}` : null,
    col.max !== undefined ? `${labels.max} ${col.max}` : null,
    col.scale !== undefined ? `${col.scale} ${labels.scale}` : null,
  ].filter((b): b is string => b !== null);
  if (!col.values && !bounds.length && !col.pattern) return null;
  return (
    <div className="space-y-1">
      {col.values && (
        <ul aria-label={labels.values} className="flex flex-wrap gap-1">
          {col.values.map((v) => (
            <li key={v}>
              <code className="rounded bg-indigo-50 px-1.5 py-0.5 font-mono text-xs text-indigo-800">{v}</code>
            </li>
          ))}
        </ul>
      )}
      {bounds.length > 0 && <p className="text-slate-700">{bounds.join(" · ")}</p>}
      {col.pattern && (
        <p className="text-slate-700">
          {labels.pattern} <code className="font-mono text-xs break-all">{col.pattern}</code>
        </p>
      )}
    </div>
  );
}

// One operation of the OpenAPI document, readable: method, path, access, parameters, body and
// responses (schemas folded).
import type { Messages } from "@/lib/i18n/messages";
import { TableHead } from "@/components/ui/table-head";

type Param = { name: string; in: string; required: boolean; description?: string; schema: { type?: string; enum?: string[]; default?: unknown; format?: string } };
export type ApiOperation = {
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: Param[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
};

const typeOf = (s: Param["schema"]) => (s.enum ? s.enum.join(" | ") : [s.type, s.format].filter(Boolean).join(" ")) + (s.default !== undefined ? ` = ${String(s.default)}` : "");

export function ApiOperationCard({ op, labels }: { op: ApiOperation; labels: Messages["data"]["reference"] }) {
  const id = `${op.method}-${op.path}`.replace(/[^a-z0-9]+/gi, "-");
  return (
    <section className="rounded-lg border bg-white p-5" aria-labelledby={id}>
      <h2 id={id} className="font-mono text-base font-semibold">
        <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 text-xs uppercase text-white">{op.method}</span>/api/v1{op.path}
      </h2>
      <p className="mt-1">{op.summary}</p>
      <p className="text-sm text-slate-600">
        {labels.access} : {op.description}
      </p>
      {op.parameters.length > 0 && (
        <table className="mt-3 w-full text-left text-sm" aria-label={`${labels.parameters} ${op.path}`}>
          <TableHead columns={[labels.name, labels.where, labels.schema, labels.description]} />
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t">
                <td className="px-3 py-1 font-mono">
                  {p.name}
                  {p.required && <span className="ml-1 text-xs text-red-700">({labels.required})</span>}
                </td>
                <td className="px-3 py-1">{p.in}</td>
                <td className="px-3 py-1 font-mono text-xs">{typeOf(p.schema)}</td>
                <td className="px-3 py-1">{p.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {op.requestBody && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-indigo-800">{labels.body}</summary>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(op.requestBody.content["application/json"]?.schema, null, 2)}</pre>
        </details>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-indigo-800">
          {labels.responses} ({Object.keys(op.responses).join(", ")})
        </summary>
        {Object.entries(op.responses).map(([status, r]) => (
          <div key={status} className="mt-2">
            <p>
              <strong>{status}</strong> — {r.description} {r.content && <code className="text-xs">{Object.keys(r.content).join(", ")}</code>}
            </p>
            {status.startsWith("2") && r.content?.["application/json"] && <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(r.content["application/json"].schema, null, 2)}</pre>}
          </div>
        ))}
      </details>
    </section>
  );
}

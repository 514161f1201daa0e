// One source contract: what it is, how files arrive, its key, then its columns and rules.
import type { ContractDef } from "@/lib/pipeline/contracts";
import type { Messages } from "@/lib/i18n/messages";
import { ColumnsTable } from "./columns-table";
import { InlineCode } from "./inline-code";
import { RulesTable } from "./rules-table";

export const contractAnchor = (source: string) => `contract-${source}`;

export function ContractSection({ def, labels }: { def: ContractDef; labels: Messages["contracts"] }) {
  const id = contractAnchor(def.source);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 rounded-lg border bg-white p-5" data-testid={id}>
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        <span className="font-mono">{def.source}</span> <span className="text-base font-normal text-slate-500">(v{def.version})</span>
      </h2>
      <p className="mt-2 text-slate-700">
        <InlineCode text={def.description} />
      </p>
      <dl className="mt-4 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{labels.format}</dt>
        <dd>{def.format.toUpperCase()}</dd>
        <dt className="font-medium text-slate-600">{labels.files}</dt>
        <dd>
          <InlineCode text={def.files} />
        </dd>
        <dt className="font-medium text-slate-600">{labels.key}</dt>
        <dd>
          {def.key.map((k, i) => (
            <span key={k}>
              {i > 0 && ", "}
              <code className="font-mono">{k}</code>
            </span>
          ))}
        </dd>
        <dt className="font-medium text-slate-600">{labels.versionColumn}</dt>
        <dd>{def.versionColumn ? <code className="font-mono">{def.versionColumn}</code> : labels.noVersionColumn}</dd>
      </dl>
      <h3 className="mt-6 mb-2 text-lg font-semibold">{labels.columns}</h3>
      <ColumnsTable source={def.source} columns={def.columns} labels={labels} />
      <h3 className="mt-6 mb-2 text-lg font-semibold">{labels.rules}</h3>
      <RulesTable source={def.source} rules={def.rules} labels={labels} />
    </section>
  );
}

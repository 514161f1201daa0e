// Source data contracts for analysts, rendered from the same definitions ingestion validates with.
import { requirePermission } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { CONTRACTS, SOURCES } from "@/lib/pipeline/contracts";
import { FORMAT_NOTES } from "@/lib/pipeline/contracts/render-docs";
import { PageHeader } from "@/components/layout/page-header";
import { ContractSection, contractAnchor } from "@/components/contracts/contract-section";
import { InlineCode } from "@/components/contracts/inline-code";

export default async function ContractsPage() {
  await requirePermission("datasets:read");
  const { t } = await getMessages();
  const labels = t.contracts;
  const defs = SOURCES.map((s) => CONTRACTS[s].def);
  return (
    <>
      <PageHeader title={labels.title} lead={labels.lead} />
      <p className="-mt-4 mb-6 text-sm text-slate-500">{labels.descriptionsNote}</p>
      <div className="mb-6 grid gap-6 md:grid-cols-[minmax(0,16rem)_1fr]">
        <nav aria-labelledby="contracts-toc" className="rounded-lg border bg-white p-5">
          <h2 id="contracts-toc" className="text-lg font-semibold">
            {labels.toc}
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {defs.map((def) => (
              <li key={def.source}>
                <a href={`#${contractAnchor(def.source)}`} className="font-mono text-indigo-800 hover:underline">
                  {def.source}
                </a>{" "}
                <span className="text-slate-500">(v{def.version})</span>
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="contracts-conventions" className="rounded-lg border bg-white p-5">
          <h2 id="contracts-conventions" className="text-lg font-semibold">
            {labels.conventions}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {FORMAT_NOTES.map((note) => (
              <li key={note}>
                <InlineCode text={note} />
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="space-y-6">
        {defs.map((def) => (
          <ContractSection key={def.source} def={def} labels={labels} />
        ))}
      </div>
    </>
  );
}

// Shown where gold figures will appear until the pipeline has produced any.
import type { Messages } from "@/lib/i18n/messages";

export const LOAD_DATA_COMMANDS = ["npm run generate -- --out .data/inbox --scale demo", "npm run ingest"];

export function NoDataYet({ labels }: { labels: Messages["empty"] }) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8" aria-labelledby="no-data-title">
      <h2 id="no-data-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mt-2 text-slate-600">{labels.body}</p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">{LOAD_DATA_COMMANDS.join("\n")}</pre>
    </section>
  );
}

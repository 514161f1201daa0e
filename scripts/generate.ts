// Writes realistic e-commerce exports plus ground_truth.json, or the contracts docs page.
//
//   npm run generate -- --out DIR [--from 2024-11-24] [--to 2026-11-23] [--scale demo|s|m|l] [--seed 42] [--dirty] [--gzip] [--sessions-per-order N (default per scale)]
//   npm run generate -- --docs docs/contracts.md
//
// Dates default to a fixed range (not "today") so the same arguments always give the same
// bytes. Layout: DIR/<source>/<source>_<YYYY-MM-DD>.csv per Paris day (web events:
// DIR/web_events/web_events_<date>.ndjson[.gz]), full snapshots of customers, products and
// promotions as DIR/<source>/<source>_full_<to>.csv, and DIR/ground_truth.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderContractsMarkdown } from "../lib/pipeline/contracts/render-docs";
import { DEFAULT_RANGE, generate } from "../lib/generator/generate";
import { SCALE_NAMES, type ScaleName } from "../lib/generator/scales";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    from: { type: "string", default: DEFAULT_RANGE.from },
    to: { type: "string", default: DEFAULT_RANGE.to },
    scale: { type: "string", default: "demo" },
    seed: { type: "string", default: "42" },
    dirty: { type: "boolean", default: false },
    gzip: { type: "boolean", default: false },
    "sessions-per-order": { type: "string" },
    docs: { type: "string" },
  },
});

async function main(): Promise<void> {
  if (values.docs) {
    mkdirSync(path.dirname(values.docs), { recursive: true });
    writeFileSync(values.docs, renderContractsMarkdown());
    console.error(`contracts docs written to ${values.docs}`);
    return;
  }
  if (!values.out) throw new Error("--out DIR is required (or --docs FILE)");
  if (!SCALE_NAMES.includes(values.scale as ScaleName)) throw new Error(`--scale must be one of ${SCALE_NAMES.join("|")}`);
  for (const d of [values.from, values.to]) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`bad date ${d}, expected YYYY-MM-DD`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error("--seed must be an integer");
  const started = performance.now();
  const span = Date.parse(values.to) - Date.parse(values.from) + 86_400_000;
  let lastReported = started;
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  const manifest = await generate({
    outDir: values.out,
    from: values.from,
    to: values.to,
    scale: values.scale as ScaleName,
    seed,
    dirty: values.dirty,
    gzip: values.gzip,
    sessionsPerOrder: values["sessions-per-order"] ? Number(values["sessions-per-order"]) : undefined,
    // Every 2 s of work (a day of scale l alone takes about that long), not every n days.
    onProgress: (date, orders) => {
      if (performance.now() - lastReported < 2000) return;
      lastReported = performance.now();
      const done = Math.min(100, ((Date.parse(date) - Date.parse(values.from) + 86_400_000) / span) * 100);
      console.error(`${date}  ${done.toFixed(0)}%  ${orders} orders  ${elapsed()}`);
    },
    onSnapshotProgress: (written, customers) => {
      if (performance.now() - lastReported < 2000) return;
      lastReported = performance.now();
      console.error(`full snapshot  ${written} of ${customers} customers  ${elapsed()}`);
    },
  });
  const c = manifest.counts;
  console.error(
    `done in ${elapsed()}: ${c.orders} orders, ${c.orderLines} lines, ${c.customers} customers, ` +
      `${c.payments} payments, ${c.returns} returns, ${c.webEvents} web events -> ${values.out}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : error);
  process.exit(1);
});

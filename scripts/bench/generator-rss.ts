// generator_rss_ratio: peak RSS of a large generation (scale l, ~12k orders a day, 3 days) over
// that of a small one (scale s, ~150 a day, 6 months), each in a child process of its own. Files
// are written as they are made and per-order state is compact, so memory must stay flat
// (ratio < 1.3) although the large run writes ~80 times more per day. Both runs make about as
// many orders, so V8's heap has grown to its working size in each: a short small run would
// compare a still-small heap with a warmed-up one.
import { rmSync } from "node:fs";
import path from "node:path";
import { round, runJsonChild, type Section } from "./support";

const RUNS = { small: ["s", "2025-01-01", "2025-06-30"], large: ["l", "2025-03-01", "2025-03-03"] } as const;
type ChildReport = { orders: number; peakRssMb: number; seconds: number };

export const generatorRss: Section = {
  name: "generator: peak RSS, scale s vs scale l",
  async run(ctx) {
    const report: Record<string, ChildReport> = {};
    for (const [name, [scale, from, to]] of Object.entries(RUNS)) {
      const out = path.join(ctx.tmp, `generate-${name}`);
      try {
        report[name] = await runJsonChild<ChildReport>("generate-child.ts", [scale, from, to, out]);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      ctx.log(`${name}: scale ${scale} ${from}..${to}, ${report[name].orders} orders in ${report[name].seconds.toFixed(1)} s, peak RSS ${report[name].peakRssMb.toFixed(0)} MB`);
    }
    const { small, large } = report;
    return [
      { key: "generator_rss_ratio", value: round(large.peakRssMb / small.peakRssMb, 2), target: { op: "<", value: 1.3 } },
      { key: "generator_small_peak_rss_mb", value: round(small.peakRssMb, 1), unit: "MB" },
      { key: "generator_large_peak_rss_mb", value: round(large.peakRssMb, 1), unit: "MB" },
      { key: "generator_large_orders_per_s", value: Math.round(large.orders / large.seconds), unit: "orders/s" },
    ];
  },
};

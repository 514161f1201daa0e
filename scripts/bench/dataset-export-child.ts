// Child of dataset-export-rss.ts: `node --import tsx dataset-export-child.ts <database url>
// <csv|parquet> [from to]` streams the order_lines dataset into a byte counter and prints
// {rows, bytes, peakRssMb, startRssMb, seconds} as JSON on its last line. Peak = the kernel's
// VmHWM of this process, cross-checked by sampling rss every 50 ms.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pgConfigFromUrl } from "../../lib/db/connection";
import { createPool } from "../../lib/db/pool";
import { exportDataset } from "../../lib/datasets/export-dataset";
import { getDataset } from "../../lib/datasets/registry";
import { procMemory } from "./support";

const [url, format, from, to] = process.argv.slice(2);
const pool = createPool({ ...pgConfigFromUrl(url), max: 2 });
const actor = { id: "00000000-0000-4000-8000-000000000000", email: "bench@local", name: "bench", role: "data_scientist" as const, locale: "fr" as const };
const startRssMb = process.memoryUsage().rss / 1048576;
let sampled = startRssMb;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss / 1048576)), 50);
try {
  const t0 = performance.now();
  const file = await exportDataset(pool, actor, getDataset("order_lines")!, { format: format as "csv" | "parquet", range: from ? { from, to } : null, pii: false });
  let bytes = 0;
  let newlines = 0;
  await pipeline(
    file.body,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (format === "csv") for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
        done();
      },
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const hwm = (await procMemory(process.pid))?.hwm ?? 0;
  console.log(JSON.stringify({ rows: format === "csv" ? newlines - 1 : null, bytes, peakRssMb: Math.max(hwm, sampled), startRssMb, seconds }));
} finally {
  clearInterval(sampler);
  await pool.end();
}

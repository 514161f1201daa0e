// Child of ingest-big-rss.ts: `node --import tsx ingest-child.ts <database url> <file>` runs one
// ingestFile and prints {status, rowsLoaded, peakRssMb, startRssMb} as JSON on its last line.
// Peak = the kernel's VmHWM of this process, cross-checked by sampling rss every 50 ms.
import path from "node:path";
import { pgConfigFromUrl } from "../../lib/db/connection";
import { ingestFile } from "../../lib/pipeline/ingest/ingest-file";
import { procMemory } from "./support";
import { createPool } from "../../lib/db/pool";

const [url, file] = process.argv.slice(2);
const pool = createPool({ ...pgConfigFromUrl(url), max: 4 });
const startRssMb = process.memoryUsage().rss / 1048576;
let sampled = startRssMb;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss / 1048576)), 50);
try {
  const r = await ingestFile(pool, { path: file, fileName: path.basename(file), channel: "inbox", receivedById: null, timeZone: "Europe/Paris", source: "order_lines" });
  clearInterval(sampler);
  const hwm = (await procMemory(process.pid))?.hwm ?? 0;
  console.log(JSON.stringify({ status: r.status, rowsLoaded: r.rowsLoaded, message: r.message, peakRssMb: Math.max(hwm, sampled), startRssMb }));
} finally {
  clearInterval(sampler);
  await pool.end();
}

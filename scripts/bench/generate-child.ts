// Child of generator-rss.ts: `node --import tsx generate-child.ts <scale> <from> <to> <out dir>`
// runs one generation and prints {orders, peakRssMb, seconds} as JSON on its last line.
// Peak = the kernel's VmHWM of this process (generation is synchronous between days, so a
// sampling timer would rarely run).
import { generate } from "../../lib/generator/generate";
import type { ScaleName } from "../../lib/generator/scales";
import { procMemory } from "./support";

const [scale, from, to, outDir] = process.argv.slice(2);
const t0 = performance.now();
const manifest = await generate({ outDir, from, to, scale: scale as ScaleName, seed: 42 });
const seconds = (performance.now() - t0) / 1000;
const hwm = (await procMemory(process.pid))?.hwm ?? 0;
console.log(JSON.stringify({ orders: manifest.counts.orders, peakRssMb: hwm, seconds }));

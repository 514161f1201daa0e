// History cleaning before a fit: days far from what the same weekday usually sells around them
// (promotions, outages, one-off spikes or collapses) are replaced by that usual value, so one
// odd week neither bends the trend nor repeats in the forecast. Robust: median and MAD of the
// same weekday over the surrounding weeks.
import { median } from "./median";

const WEEK = 7;

export function cleanOutliers(y: readonly number[], opts: { weeks?: number; z?: number } = {}): number[] {
  const weeks = opts.weeks ?? 4;
  const z = opts.z ?? 3.5;
  const out = [...y];
  for (let i = 0; i < y.length; i++) {
    const peers: number[] = [];
    for (let k = -weeks; k <= weeks; k++) {
      const j = i + k * WEEK;
      if (k !== 0 && j >= 0 && j < y.length) peers.push(y[j]);
    }
    if (peers.length < 3) continue;
    const med = median(peers);
    const mad = median(peers.map((p) => Math.abs(p - med))) * 1.4826;
    // A floor on the spread: a perfectly regular series must not flag ordinary noise.
    const spread = Math.max(mad, 0.05 * Math.abs(med), 1);
    if (Math.abs(y[i] - med) > z * spread) out[i] = med;
  }
  return out;
}

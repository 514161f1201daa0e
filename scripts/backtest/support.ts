// What every backtest section receives, and what it gives back: named figures, each optionally
// with a target so the harness can say which ones miss.
import type { GroundTruthManifest } from "../../lib/generator/manifest";
import type { GeneratedSeries } from "./generated-series";

export type BacktestContext = {
  /** The generated export folder (m-scale unless told otherwise). */
  dir: string;
  manifest: GroundTruthManifest;
  /** Generator seed of the anomaly section's s-scale data (--anomaly-seed, 42 by default). */
  anomalySeed: number;
  series: GeneratedSeries;
  log: (message: string) => void;
};

export type Target = { min?: number; max?: number };
export type Figure = { key: string; value: number; target?: Target; note?: string };

export type BacktestSection = {
  name: string;
  run: (ctx: BacktestContext) => Promise<Figure[]>;
};

export function meetsTarget(f: Figure): boolean {
  return (f.target?.min === undefined || f.value >= f.target.min) && (f.target?.max === undefined || f.value <= f.target.max);
}

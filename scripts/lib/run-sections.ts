// The loop `npm run bench` and `npm run backtest` share: run each chosen section, keep going when
// one fails (one broken section must not hide the figures of the others), and end with the one
// JSON object both print on their last line with --json.
type Section<C, F> = { name: string; run: (ctx: C) => Promise<F[]> };
type Keyed = { key: string; value: number | string };

export async function runSections<C, F extends Keyed>(
  sections: [string, Section<C, F>][],
  ctx: C,
  log: (message: string) => void,
): Promise<{ figures: F[]; failures: string[] }> {
  const figures: F[] = [];
  const failures: string[] = [];
  for (const [name, section] of sections) {
    log(`${section.name}…`);
    const t0 = performance.now();
    try {
      figures.push(...(await section.run(ctx)));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      log(`${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    }
    log(`${section.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { figures, failures };
}

/** The last line of --json: every figure by key, after `head`, and the failures if any. */
export function jsonLine(figures: Keyed[], failures: string[], head: Record<string, number | string> = {}): string {
  const json: Record<string, number | string | string[]> = { ...head };
  for (const f of figures) json[f.key] = f.value;
  if (failures.length) json.failures = failures;
  return JSON.stringify(json);
}

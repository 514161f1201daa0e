// Silver merges started while ingest still runs: a source whose files are all loaded while other
// sources still load is merged at once, one source after another on one connection, recorded as
// the step "silver-early". During the tail of a first load only the largest source (web events)
// still loads, with node on one core and a single COPY: about a fifth of the machine sat idle
// (at scale m, 40 CPU-seconds of ingest's 110 s). Sources merge independently of one another
// (each into its own tables; the gold marks they share, such as customers, are written by one
// merge at a time, as in the silver step's lane), so the order they finish in does not matter;
// the silver step merges whatever is left.
import type pg from "pg";
import type { SourceName } from "../contracts";
import { step } from "../run-record";
import { buildSilver, type SilverResult } from "./build-silver";
import type { MergeParams } from "./merge-source";

export class EarlySilver {
  private readonly queue: SourceName[] = [];
  private wake = () => {};
  private closed = false;
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly runId: bigint,
    private readonly params: MergeParams,
    private readonly say: (message: string) => void,
  ) {}

  /** Queues `source`'s loaded files for merging; the first call opens the step. */
  add(source: SourceName): void {
    this.queue.push(source);
    this.wake();
    this.running ??= step(this.pool, this.runId, "silver-early", () => this.drain(), (r) => ({ rowsIn: r.staged, rowsOut: r.merged })).then(
      () => {},
      (error: unknown) => void (this.failure = { error }),
    );
  }

  /** Waits for every queued merge; throws the first failure (no merge starts after one). */
  async finish(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.running;
    if (this.failure) throw this.failure.error;
  }

  private async drain(): Promise<{ staged: number; merged: number }> {
    const total = { staged: 0, merged: 0 };
    for (;;) {
      const source = this.queue.shift();
      if (source) add(total, await buildSilver(this.pool, this.params, [source]), this.say);
      else if (this.closed) return total;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

function add(total: { staged: number; merged: number }, result: SilverResult, say: (message: string) => void) {
  for (const [source, counts] of Object.entries(result.bySource)) {
    total.staged += counts.staged;
    total.merged += counts.merged;
    say(`silver (during ingest): ${source}, ${counts.files} file(s), ${counts.merged} row(s) merged`);
  }
}

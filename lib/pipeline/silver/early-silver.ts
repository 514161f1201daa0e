// Silver merges started while ingest still runs: a source whose files are all loaded while other
// sources still load is merged at once (two at a time, see LANES), recorded as the step
// "silver-early". During the tail of a first load only the largest source (web events)
// still loads, with node on one core and a single COPY: about a fifth of the machine sat idle
// (at scale m, 40 CPU-seconds of ingest's 110 s). Sources merge independently of one another
// (each into its own tables; a kind of gold mark two of them write, such as customers, by one
// merge at a time), so the order they finish in does not matter; the silver step merges
// whatever is left.
import type pg from "pg";
import type { SourceName } from "../contracts";
import { step } from "../run-record";
import { buildSilver, type SilverResult } from "./build-silver";
import type { MergeParams } from "./merge-source";
import { SILVER_SPECS } from "./silver-specs";

// Two merges at a time, of sources whose gold marks differ: marks are inserted without ON CONFLICT
// (merge-source.ts), so two sources writing the same kind (orders and customers both mark
// customers) never merge at once. A day's run merged its eight small sources one after another.
const LANES = 2;
const kindsOf = (source: SourceName) => SILVER_SPECS.find((s) => s.source === source)?.dirty.map((d) => d.kind) ?? [];

/** Takes out of `queue` its first source writing no kind of gold mark that a source in `merging` writes. */
export function takeMergeable(queue: SourceName[], merging: ReadonlySet<SourceName>): SourceName | undefined {
  const busy = new Set([...merging].flatMap(kindsOf));
  const index = queue.findIndex((source) => !kindsOf(source).some((kind) => busy.has(kind)));
  return index < 0 ? undefined : queue.splice(index, 1)[0];
}

export class EarlySilver {
  private readonly queue: SourceName[] = [];
  private readonly merging = new Set<SourceName>();
  private waiting: (() => void)[] = [];
  private closed = false;
  private stopped = false;
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

  private wake() {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }

  private async drain(): Promise<{ staged: number; merged: number }> {
    const total = { staged: 0, merged: 0 };
    const lane = async () => {
      while (!this.stopped) {
        const source = takeMergeable(this.queue, this.merging);
        if (source) {
          this.merging.add(source);
          try {
            add(total, await buildSilver(this.pool, this.params, [source]), this.say);
          } catch (error) {
            this.stopped = true;
            throw error;
          } finally {
            this.merging.delete(source);
            this.wake();
          }
        } else if (this.closed && !this.queue.length) return;
        else await new Promise<void>((resolve) => this.waiting.push(resolve));
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: LANES }, lane));
    for (const l of lanes) if (l.status === "rejected") throw l.reason;
    return total;
  }
}

function add(total: { staged: number; merged: number }, result: SilverResult, say: (message: string) => void) {
  for (const [source, counts] of Object.entries(result.bySource)) {
    total.staged += counts.staged;
    total.merged += counts.merged;
    say(`silver (during ingest): ${source}, ${counts.files} file(s), ${counts.merged} row(s) merged`);
  }
}

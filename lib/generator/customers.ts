// The customer base (returning buyers are drawn from it). Only compact per-customer state is
// kept, 12 bytes each in typed arrays (day acquired 2, created and updated in epoch seconds
// 4 + 4, city 1, flags 1): 0.6 MB for the ~48k customers of scale s over two years, ~48 MB for
// the ~4M of scale l. Names and emails are re-derived from the seed and the customer number when
// a row is written. Every timestamp here is whole seconds.
import { Column } from "./column";
import { CITIES, type Identity, makeIdentity } from "./people";
import { cumulate, Random } from "./random";

const CITY_CUMULATIVE = cumulate(CITIES.map((c) => c.weight));

export interface CustomerRow extends Identity {
  customerId: string;
  country: string;
  city: string;
  createdMs: number;
  optIn: boolean;
  updatedMs: number;
}

const OPT_IN = 1;
const VIP = 2;

export class Customers {
  private readonly createdDay = new Column((n) => new Uint16Array(n));
  private readonly createdSeconds = new Column((n) => new Uint32Array(n));
  private readonly updatedSeconds = new Column((n) => new Uint32Array(n));
  private readonly city = new Column((n) => new Uint8Array(n));
  private readonly flags = new Column((n) => new Uint8Array(n));
  /** High-value customers (~2%): buy more often and bigger baskets. */
  readonly vips: number[] = [];

  constructor(private readonly seed: number) {}

  get count(): number {
    return this.createdDay.length;
  }

  create(random: Random, dayIndex: number, createdMs: number): number {
    const index = this.count;
    this.createdDay.push(dayIndex);
    this.createdSeconds.push(toSeconds(createdMs));
    this.updatedSeconds.push(toSeconds(createdMs));
    this.city.push(random.pickCumulative(CITY_CUMULATIVE));
    let flags = random.chance(0.55) ? OPT_IN : 0;
    if (random.chance(0.02)) {
      this.vips.push(index);
      flags |= VIP;
    }
    this.flags.push(flags);
    return index;
  }

  createdDayOf(index: number): number {
    return this.createdDay.get(index);
  }

  isVip(index: number): boolean {
    return (this.flags.get(index) & VIP) !== 0;
  }

  /** A returning buyer: recently acquired customers are much more likely to come back (decay). */
  pickReturning(random: Random, dayIndex: number): number {
    if (this.vips.length && random.chance(0.15)) return random.pick(this.vips);
    const targetDay = dayIndex - Math.floor(random.exponential(150));
    // Customers acquired that day, or the nearest later day with any (else the last day).
    const first = Math.min(this.firstAcquiredFrom(targetDay), this.count - 1);
    const last = this.firstAcquiredFrom(this.createdDay.get(first) + 1) - 1;
    return random.int(first, last);
  }

  /** The first customer acquired on or after that day (count if none); indices go by day. */
  private firstAcquiredFrom(dayIndex: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.createdDay.get(mid) < dayIndex) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A customer moves or changes their marketing consent. */
  change(random: Random, index: number, atMs: number): void {
    if (random.chance(0.7)) this.flags.set(index, this.flags.get(index) ^ OPT_IN);
    else this.city.set(index, random.pickCumulative(CITY_CUMULATIVE));
    this.updatedSeconds.set(index, Math.max(toSeconds(atMs), this.createdSeconds.get(index) + 1));
  }

  static id(index: number): string {
    return `C${String(index + 1).padStart(7, "0")}`;
  }

  row(index: number): CustomerRow {
    const identity = makeIdentity(new Random(this.seed, 1_000_003 + index), index + 1);
    const { country, city } = CITIES[this.city.get(index)];
    return {
      ...identity,
      customerId: Customers.id(index),
      country,
      city,
      createdMs: this.createdSeconds.get(index) * 1000,
      optIn: (this.flags.get(index) & OPT_IN) !== 0,
      updatedMs: this.updatedSeconds.get(index) * 1000,
    };
  }
}

function toSeconds(ms: number): number {
  if (ms % 1000 !== 0) throw new Error(`customer timestamps are whole seconds, got ${ms}`);
  return ms / 1000;
}

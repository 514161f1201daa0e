// The customer base. Only compact per-customer state is kept (arrays of numbers); names and
// emails are re-derived from the seed and the customer number when a row is written, so memory
// stays small even with millions of customers.
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

export class Customers {
  private readonly createdDay: number[] = [];
  private readonly createdMs: number[] = [];
  private readonly updatedMs: number[] = [];
  private readonly city: number[] = [];
  private readonly optIn: boolean[] = [];
  /** High-value customers: buy more often and bigger baskets. */
  readonly vips: number[] = [];
  private readonly vipSet = new Set<number>();

  constructor(private readonly seed: number) {}

  get count(): number {
    return this.createdDay.length;
  }

  create(random: Random, dayIndex: number, createdMs: number): number {
    const index = this.count;
    this.createdDay.push(dayIndex);
    this.createdMs.push(createdMs);
    this.updatedMs.push(createdMs);
    this.city.push(random.pickCumulative(CITY_CUMULATIVE));
    this.optIn.push(random.chance(0.55));
    if (random.chance(0.02)) {
      this.vips.push(index);
      this.vipSet.add(index);
    }
    return index;
  }

  createdDayOf(index: number): number {
    return this.createdDay[index];
  }

  isVip(index: number): boolean {
    return this.vipSet.has(index);
  }

  /** A returning buyer: recently acquired customers are much more likely to come back (decay). */
  pickReturning(random: Random, dayIndex: number): number {
    if (this.vips.length && random.chance(0.15)) return random.pick(this.vips);
    const targetDay = dayIndex - Math.floor(random.exponential(150));
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.createdDay[mid] < targetDay) lo = mid + 1;
      else hi = mid;
    }
    // Customers acquired that day, or the nearest day with any.
    const day = this.createdDay[lo];
    let end = lo;
    while (end + 1 < this.count && this.createdDay[end + 1] === day) end++;
    return random.int(lo, end);
  }

  /** A customer moves or changes their marketing consent. */
  change(random: Random, index: number, atMs: number): void {
    if (random.chance(0.7)) this.optIn[index] = !this.optIn[index];
    else this.city[index] = random.pickCumulative(CITY_CUMULATIVE);
    this.updatedMs[index] = Math.max(atMs, this.createdMs[index] + 1000);
  }

  static id(index: number): string {
    return `C${String(index + 1).padStart(7, "0")}`;
  }

  row(index: number): CustomerRow {
    const identity = makeIdentity(new Random(this.seed, 1_000_003 + index), index + 1);
    const { country, city } = CITIES[this.city[index]];
    return {
      ...identity,
      customerId: Customers.id(index),
      country,
      city,
      createdMs: this.createdMs[index],
      optIn: this.optIn[index],
      updatedMs: this.updatedMs[index],
    };
  }
}

// When people shop, Paris local time: lunch break and evening peaks, a real 23:00-midnight tail.
import { atLocalSeconds, type BusinessDay } from "./paris-time";
import { cumulate, type Random } from "./random";

const HOUR_WEIGHTS = [0.6, 0.3, 0.15, 0.1, 0.1, 0.15, 0.4, 0.9, 1.3, 1.5, 1.6, 1.8, 2.1, 2.0, 1.7, 1.6, 1.6, 1.7, 1.9, 2.2, 2.6, 2.7, 2.2, 1.4];
const HOUR_CUMULATIVE = cumulate(HOUR_WEIGHTS);

export function sampleShoppingTime(random: Random, day: BusinessDay): number {
  const hour = random.pickCumulative(HOUR_CUMULATIVE);
  return atLocalSeconds(day, hour * 3600 + random.int(0, 3599));
}

/** Paris local hour (0-23) of an instant on that day. */
export function localHour(day: BusinessDay, ms: number): number {
  for (let h = 23; h > 0; h--) if (atLocalSeconds(day, h * 3600) <= ms) return h;
  return 0;
}

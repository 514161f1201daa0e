// Known unusual days (promotions) replaced by the same weekday one week earlier, itself already
// filled, so a model fitted on the result sees the business as it runs without them.
const WEEK = 7;

export function fillMasked(y: readonly number[], masked: readonly boolean[]): number[] {
  const out = [...y];
  for (let i = WEEK; i < out.length; i++) if (masked[i]) out[i] = out[i - WEEK];
  return out;
}

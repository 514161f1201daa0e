// The one definition of how RFM scores (1–5 each) name a customer's segment: read top to
// bottom, the first rule that matches wins. The pipeline turns it into SQL (segmentCaseSql) and
// the segments page prints it, so what users read is what the numbers were built from.
export const SEGMENTS = ["champions", "loyal", "new", "promising", "cannot_lose", "at_risk", "hibernating"] as const;
export type Segment = (typeof SEGMENTS)[number];

type Range = readonly [min: number, max: number];
export type SegmentRule = { segment: Segment; r?: Range; f?: Range; m?: Range };

export const SEGMENT_RULES: readonly SegmentRule[] = [
  { segment: "champions", r: [4, 5], f: [4, 5], m: [4, 5] },
  { segment: "loyal", r: [3, 5], f: [3, 5] },
  // F = 1 is the group with the fewest orders, i.e. customers who bought once.
  { segment: "new", r: [4, 5], f: [1, 1] },
  { segment: "promising", r: [3, 5] },
  // From here on R ≤ 2: customers who used to buy and have gone quiet.
  { segment: "cannot_lose", f: [4, 5], m: [4, 5] },
  { segment: "at_risk", f: [3, 5] },
  { segment: "hibernating" },
];

const conditions = (rule: SegmentRule) =>
  (["r", "f", "m"] as const).flatMap((k) => {
    const range = rule[k];
    return range ? [`${k} BETWEEN ${Math.trunc(range[0])} AND ${Math.trunc(range[1])}`] : [];
  });

/** SQL CASE over columns r, f, m giving the segment id; the last rule is the ELSE. */
export function segmentCaseSql(rules: readonly SegmentRule[] = SEGMENT_RULES): string {
  const whens = rules.slice(0, -1).map((rule) => `WHEN ${conditions(rule).join(" AND ") || "true"} THEN '${rule.segment}'`);
  return `CASE ${whens.join(" ")} ELSE '${rules[rules.length - 1].segment}' END`;
}

/** The segment of one score triple, by the same rules (for the UI and tests). */
export function segmentOf(r: number, f: number, m: number, rules: readonly SegmentRule[] = SEGMENT_RULES): Segment {
  const inRange = (v: number, range?: Range) => !range || (v >= range[0] && v <= range[1]);
  return (rules.find((rule) => inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m)) ?? rules[rules.length - 1]).segment;
}

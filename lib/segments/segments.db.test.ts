// RFM segments, movement, cohorts and the CSV export on a hand-made set of silver orders. Every
// expected value is worked out by hand below; score = min(5, 1 + ⌊5 × (rank − 1) / (n − 1)⌋),
// rank ascending (recency: oldest last order first), ties sharing the lowest rank.
//
// Orders (non-cancelled; revenue = Σ qty × price − discount), last order day 20/03/2026:
//   A  05/01 100.00 (3×20 + 1×40) · 10/02 50.00 · 15/03 80.00
//   B  10/01 20.00 · [01/02 500.00 cancelled] · 20/03 30.00
//   C  20/01 300.00            D  05/02 40.00 · 25/02 60.00        E  01/03 10.00 (2×7.50 − 5)
//   -F 02/01 5.00              G  03/01 40.00 · 15/01 60.00 · 25/01 70.00
// January (as of 31/01, n=5, rank→score 1,2,3,4,5): recency F29 A26 B21 C11 G6; orders 1 but G 3;
//   revenue F5 B20 A100 G170 C300 → A 2/1/3 hibernating, B 3/1/2 promising, C 4/1/5 new,
//   F 1/1/1 hibernating, G 5/5/4 champions.
// February (as of 28/02, n=6, rank→score 1,2,3,4,5,5): recency F57 B49 C39 G34 A18 D3;
//   orders B,C,F 1 (→1), A,D 2 (rank 4→4), G 3 (→5); revenue F5 B20 D100 A150 G170 C300
//   → A 5/4/4 champions, B 2/1/2 hibernating, C 3/1/5 promising, D 5/4/3 loyal,
//   F 1/1/1 hibernating, G 4/5/5 champions.
// March (as of 20/03, n=7, rank→score 1,1,2,3,4,5,5): recency F77 C59 G54 D23 E19 A5 B0;
//   orders C,E,F 1 (→1), B,D 2 (rank 4→3), A,G 3 (rank 6→5); revenue F5 E10 B50 D100 G170 A230 C300
//   → A 5/5/5 champions, B 5/3/2 loyal, C 1/1/5 hibernating, D 3/3/3 loyal, E 4/1/1 new,
//   F 1/1/1 hibernating, G 2/5/4 cannot lose them.
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import type { CurrentUser } from "../auth/current-user";
import { buildSegments } from "./build-segments";
import { getCohorts } from "./get-cohorts";
import { getSegmentMovement } from "./get-segment-movement";
import { getSegmentSummary } from "./get-segment-summary";
import { streamSegmentCustomersCsv } from "./segment-customers-csv";
import { insertSegmentsFixture } from "./testing/segments-fixture";

const MARKETING = { role: "marketing" } as CurrentUser;
const ADMIN = { role: "admin" } as CurrentUser;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertSegmentsFixture(db.pool);
  await buildSegments(db.pool);
});
afterAll(() => db?.drop());

const snapshot = async (month: string) =>
  (
    await db.pool.query<{ c: string; r: number; f: number; m: number; segment: string }>(
      "SELECT customer_id AS c, r, f, m, segment FROM gold_customer_segment_monthly WHERE month = $1 ORDER BY customer_id",
      [month],
    )
  ).rows.map((x) => `${x.c} ${x.r}/${x.f}/${x.m} ${x.segment}`);

describe("RFM snapshots as of each month end", () => {
  it("January, February and March (as of the last order day)", async () => {
    expect(await snapshot("2026-01-01")).toEqual(["-F 1/1/1 hibernating", "A 2/1/3 hibernating", "B 3/1/2 promising", "C 4/1/5 new", "G 5/5/4 champions"]);
    expect(await snapshot("2026-02-01")).toEqual([
      "-F 1/1/1 hibernating", "A 5/4/4 champions", "B 2/1/2 hibernating", "C 3/1/5 promising", "D 5/4/3 loyal", "G 4/5/5 champions",
    ]);
    expect(await snapshot("2026-03-01")).toEqual([
      "-F 1/1/1 hibernating", "A 5/5/5 champions", "B 5/3/2 loyal", "C 1/1/5 hibernating", "D 3/3/3 loyal", "E 4/1/1 new", "G 2/5/4 cannot_lose",
    ]);
  });

  it("counts and revenue per segment for the latest snapshot", async () => {
    const s = await getSegmentSummary(db.pool, MARKETING);
    expect(s).toMatchObject({ month: "2026-03-01", asOf: "2026-03-20", totalCustomers: 7 });
    expect(s.segments).toEqual([
      { segment: "champions", customers: 1, share: "0.1429", revenue: "230.00" }, // A 100+50+80
      { segment: "loyal", customers: 2, share: "0.2857", revenue: "150.00" }, // B 20+30, D 40+60
      { segment: "new", customers: 1, share: "0.1429", revenue: "10.00" },
      { segment: "promising", customers: 0, share: "0.0000", revenue: "0.00" },
      { segment: "cannot_lose", customers: 1, share: "0.1429", revenue: "170.00" }, // G 40+60+70
      { segment: "at_risk", customers: 0, share: "0.0000", revenue: "0.00" },
      { segment: "hibernating", customers: 2, share: "0.2857", revenue: "305.00" }, // C 300, F 5
    ]);
  });

  it("movement from February to March", async () => {
    expect(await getSegmentMovement(db.pool, MARKETING)).toEqual({
      month: "2026-03-01",
      previousMonth: "2026-02-01",
      flows: [
        { from: null, to: "new", customers: 1 }, // E
        { from: "champions", to: "cannot_lose", customers: 1 }, // G
        { from: "champions", to: "champions", customers: 1 }, // A
        { from: "hibernating", to: "hibernating", customers: 1 }, // F
        { from: "hibernating", to: "loyal", customers: 1 }, // B
        { from: "loyal", to: "loyal", customers: 1 }, // D
        { from: "promising", to: "hibernating", customers: 1 }, // C
      ],
    });
  });

  it("is idempotent and denies roles without segments:view", async () => {
    await buildSegments(db.pool);
    expect((await getSegmentSummary(db.pool, MARKETING, "2026-01-01")).totalCustomers).toBe(5);
    await expect(getSegmentSummary(db.pool, { role: "finance" } as CurrentUser)).rejects.toThrow("segments:view");
  });
});

describe("acquisition cohorts", () => {
  it("retention and cumulative revenue per customer by month since acquisition", async () => {
    expect(await getCohorts(db.pool, MARKETING)).toEqual([
      // A, B, C, -F, G: ordering in Feb only A (B's order was cancelled), in Mar A and B.
      { cohortMonth: "2026-01-01", size: 5, cells: [
        { k: 0, active: 5, retention: "1.0000", cumulativePerCustomer: "119.00" }, // 595 / 5
        { k: 1, active: 1, retention: "0.2000", cumulativePerCustomer: "129.00" }, // (595 + 50) / 5
        { k: 2, active: 2, retention: "0.4000", cumulativePerCustomer: "151.00" }, // (645 + 80 + 30) / 5
      ] },
      { cohortMonth: "2026-02-01", size: 1, cells: [
        { k: 0, active: 1, retention: "1.0000", cumulativePerCustomer: "100.00" },
        { k: 1, active: 0, retention: "0.0000", cumulativePerCustomer: "100.00" },
      ] },
      { cohortMonth: "2026-03-01", size: 1, cells: [{ k: 0, active: 1, retention: "1.0000", cumulativePerCustomer: "10.00" }] },
    ]);
  });
});

describe("segment export as CSV", () => {
  const HEADER = "customer_key,segment,r,f,m,recency_days,last_order_date,orders,revenue";
  it("pseudonymous keys only without pii:read, formula cells neutralised", async () => {
    const csv = await text(await streamSegmentCustomersCsv(db.pool, MARKETING, "hibernating", null, false));
    expect(csv).toBe(`${HEADER}\nC,hibernating,1,1,5,59,2026-01-20,1,300.00\n'-F,hibernating,1,1,1,77,2026-01-02,1,5.00\n`);
  });

  it("clear email and name with pii:read, for a past month too", async () => {
    const csv = await text(await streamSegmentCustomersCsv(db.pool, ADMIN, "hibernating", "2026-02-01", true));
    expect(csv).toBe(
      `${HEADER},email,name\nB,hibernating,2,1,2,49,2026-01-10,1,20.00,,\n'-F,hibernating,1,1,1,57,2026-01-02,1,5.00,'+33@example.test,'@Fabien Roux\n`,
    );
  });

  it("refuses roles without segments:export, and clear PII without pii:read", () => {
    expect(() => streamSegmentCustomersCsv(db.pool, { role: "analyst" } as CurrentUser, "champions", null, false)).toThrow("segments:export");
    expect(() => streamSegmentCustomersCsv(db.pool, MARKETING, "champions", null, true)).toThrow("pii:read");
  });
});

// A small hand-made export set (all 9 sources, 1–3 October 2026, plus a 4th day for incremental
// tests) whose KPI values are worked out by hand in lib/pipeline/gold/kpis.db.test.ts.
// Paris is at +02:00 throughout (summer time ends on 25 October 2026).
//
// Products (updated 2026-09-15, cost / list price):       Orders (non-cancelled revenue = Σ qty×price − discount):
//   SKU-00001 Cuisine 12.00 / 30.00                          ORD-1 01/10 C1 web  2×30 + 1×20 = 80.00, re-exported 03/10 as shipped
//   SKU-00002 Cuisine 15.00 / 40.00                          ORD-2 01/10 C2 app  1×60, re-exported 02/10 as cancelled → excluded
//   SKU-00003 Déco     8.00 / 20.00                          ORD-3 01/10 C3 web  1×40−4 (CUISINE10) + 2×20 = 76.00, 1 unit of line 2 returned 03/10 (20.00)
//   SKU-00004 Déco    25.00 / 60.00                          ORD-4 23:30Z 01/10 = 01:30 Paris 02/10, C4 web 1×30 + 1×60 = 90.00
//   SKU-00005 Linge   10.00 / 25.00 (inactive)               ORD-5 02/10 C1 app  2×40 = 80.00
//                                                            ORD-6 03/10 C2 web  3×20 = 60.00      (day 4: ORD-7 C3 web 1×60)
import { csvText } from "../ingest/test-files";
import { CONTRACTS, type SourceName } from "../contracts";

export type FixtureFile = { source: SourceName; name: string; content: string };
export const DAYS = ["2026-10-01", "2026-10-02", "2026-10-03"] as const;
export const EXTRA_DAY = "2026-10-04";

type Row = Record<string, string>;
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const P = (t: string) => (t.endsWith("Z") ? t : `${t}+02:00`); // Paris summer offset unless UTC given

/** One CSV file of a source, columns in contract order (missing cells empty). */
export function csvFile(source: Exclude<SourceName, "web_events">, name: string, rows: Row[]): FixtureFile {
  const cols = CONTRACTS[source].columnNames;
  return { source, name, content: csvText([[...cols], ...rows.map((r) => cols.map((c) => r[c] ?? ""))]) };
}

export const customer = (id: number, email: string, first: string, last: string, city: string, over: Row = {}): Row => ({
  customer_id: `C${pad(id, 7)}`, email, first_name: first, last_name: last, country: city === "Berlin" ? "DE" : "FR", city,
  created_at: P("2026-09-01T10:00:00"), marketing_opt_in: "true", updated_at: P("2026-09-01T10:00:00"), ...over,
});
export const product = (n: number, name: string, category: string, cost: string, price: string, active = "true"): Row => ({
  sku: `SKU-${pad(n, 5)}`, name, category, brand: "Maison Test", unit_cost: cost, list_price: price, active, updated_at: P("2026-09-15T08:00:00"),
});
export const order = (n: number, c: number, orderedAt: string, status: string, channel: string, shipping: string, updatedAt: string, promo = ""): Row => ({
  order_id: `ORD-${pad(n, 8)}`, customer_id: `C${pad(c, 7)}`, ordered_at: P(orderedAt), status, channel, currency: "EUR",
  shipping_amount: shipping, promo_code: promo, updated_at: P(updatedAt),
});
export const line = (n: number, no: number, sku: number, qty: number, price: string, discount = "0.00"): Row => ({
  order_id: `ORD-${pad(n, 8)}`, line_no: String(no), sku: `SKU-${pad(sku, 5)}`, quantity: String(qty), unit_price: price, discount_amount: discount,
});
export const payment = (n: number, o: number, method: string, amount: string, status: string, at: string): Row => ({
  payment_id: `PAY-${pad(n, 9)}`, order_id: `ORD-${pad(o, 8)}`, method, amount, status, processed_at: P(at),
});
const stock = (day: string, sku: number, warehouse: string, onHand: number, reserved: number): Row => ({
  snapshot_date: day, sku: `SKU-${pad(sku, 5)}`, warehouse, on_hand: String(onHand), reserved: String(reserved),
});
/** Stock of SKU 1–5 for a day; [on_hand, reserved] per warehouse. */
const stockDay = (day: string, bySku: Record<number, [string, number, number][]>) =>
  csvFile("stock_snapshots", `stock_snapshots_${day}.csv`, Object.entries(bySku).flatMap(([sku, whs]) => whs.map(([w, h, r]) => stock(day, Number(sku), w, h, r))));

const WEB_COLS = CONTRACTS.web_events.columnNames;
let eventNo = 0;
/** A web event of session s (UUID v4 shapes); `extra` sets sku, order_id, utm_* … */
const event = (s: number, ts: string, type: string, extra: Row = {}, ip = `90.12.34.${50 + s}`) => {
  const values: Row = {
    event_id: `00000000-0000-4000-8000-${pad(++eventNo, 12)}`, ts: P(ts), session_id: `00000000-0000-4000-9000-${pad(s, 12)}`,
    anonymous_id: `00000000-0000-4000-a000-${pad(s, 12)}`, type, url: `https://shop.example.fr/${type}`, user_agent: "Mozilla/5.0 (Test)", ip, ...extra,
  };
  return JSON.stringify(Object.fromEntries(WEB_COLS.map((c) => [c, values[c] ?? null])));
};
const webFile = (day: string, events: string[]): FixtureFile => ({ source: "web_events", name: `web_events_${day}.ndjson`, content: `${events.join("\n")}\n` });
const sku = (n: number) => ({ sku: `SKU-${pad(n, 5)}` });
const ord = (n: number) => ({ order_id: `ORD-${pad(n, 8)}` });

/** The files of one fixture day (day 1 also carries the customers, the catalogue and the promotion). */
export function fixtureDay(day: (typeof DAYS)[number] | typeof EXTRA_DAY): FixtureFile[] {
  eventNo = { "2026-10-01": 0, "2026-10-02": 100, "2026-10-03": 200, "2026-10-04": 300 }[day];
  const f = (source: Exclude<SourceName, "web_events">, rows: Row[]) => csvFile(source, `${source}_${day}.csv`, rows);
  switch (day) {
    case "2026-10-01":
      return [
        f("customers", [
          customer(1, "helene.martin@example.fr", "Hélène", "Martin", "Lyon"),
          customer(2, "Jean.Dupont@Example.com", "Jean", "Dupont", "Paris"),
          customer(3, "amelie.roux@example.org", "Amélie", "Roux", "Paris"),
          customer(4, "karl.schmidt@example.de", "Karl", "Schmidt", "Berlin"),
        ]),
        f("products", [
          product(1, "Théière en fonte", "Cuisine", "12.00", "30.00"),
          product(2, "Poêle 28 cm", "Cuisine", "15.00", "40.00"),
          product(3, "Coussin en lin", "Déco", "8.00", "20.00"),
          product(4, "Lampe de table", "Déco", "25.00", "60.00"),
          product(5, "Plaid laine", "Linge", "10.00", "25.00", "false"),
        ]),
        f("promotions", [{ promo_id: "PRM-0001", name: "Semaine cuisine", code: "CUISINE10", kind: "percent", value: "10.00",
          starts_at: P("2026-09-28T00:00:00"), ends_at: P("2026-10-05T00:00:00"), scope_type: "category", scope_value: "Cuisine" }]),
        f("orders", [
          order(1, 1, "2026-10-01T10:00:00", "paid", "web", "4.90", "2026-10-01T10:05:00"),
          order(2, 2, "2026-10-01T14:00:00", "paid", "app", "0.00", "2026-10-01T14:02:00"),
          order(3, 3, "2026-10-01T18:30:00", "paid", "web", "4.90", "2026-10-01T18:35:00", "CUISINE10"),
        ]),
        f("order_lines", [line(1, 1, 1, 2, "30.00"), line(1, 2, 3, 1, "20.00"), line(2, 1, 4, 1, "60.00"), line(3, 1, 2, 1, "40.00", "4.00"), line(3, 2, 3, 2, "20.00")]),
        f("payments", [
          payment(1, 1, "card", "84.90", "captured", "2026-10-01T10:01:00"),
          payment(2, 2, "apple_pay", "60.00", "captured", "2026-10-01T14:01:00"),
          payment(3, 3, "paypal", "80.90", "captured", "2026-10-01T18:31:00"),
        ]),
        // SKU-00002 out of stock (3 − 3 = 0); inactive SKU-00005 out too but not counted.
        stockDay(day, { 1: [["PAR1", 10, 2], ["LYS1", 5, 0]], 2: [["PAR1", 3, 3]], 3: [["PAR1", 50, 5]], 4: [["PAR1", 4, 0]], 5: [["PAR1", 0, 0]] }),
        webFile(day, [
          event(1, "2026-10-01T09:55:00", "page_view", { utm_source: "newsletter", utm_medium: "email", utm_campaign: "rentree", customer_id: "C0000001" }, "90.12.34.56"),
          event(1, "2026-10-01T09:56:00", "product_view", sku(1)),
          event(1, "2026-10-01T09:57:00", "add_to_cart", sku(1)),
          event(1, "2026-10-01T09:58:00", "checkout_start"),
          event(1, "2026-10-01T10:00:00", "purchase", ord(1)),
          event(2, "2026-10-01T15:00:00", "page_view"),
          event(2, "2026-10-01T15:01:00", "product_view", sku(4)),
          // Session 3 starts before midnight (Paris) and buys ORD-4 after it: it belongs to 1 October.
          event(3, "2026-10-01T23:50:00", "page_view"),
        ]),
      ];
    case "2026-10-02":
      return [
        f("orders", [
          order(2, 2, "2026-10-01T14:00:00", "cancelled", "app", "0.00", "2026-10-02T08:00:00"),
          order(4, 4, "2026-10-01T23:30:00Z", "paid", "web", "4.90", "2026-10-01T23:31:00Z"),
          order(5, 1, "2026-10-02T12:00:00", "paid", "app", "0.00", "2026-10-02T12:01:00"),
        ]),
        f("order_lines", [line(4, 1, 1, 1, "30.00"), line(4, 2, 4, 1, "60.00"), line(5, 1, 2, 2, "40.00")]),
        f("payments", [
          payment(4, 2, "apple_pay", "60.00", "refunded", "2026-10-02T08:01:00"),
          payment(5, 4, "card", "94.90", "captured", "2026-10-01T23:30:30Z"),
          payment(6, 5, "card", "80.00", "captured", "2026-10-02T12:00:30"),
        ]),
        // SKU-00004: 2 − 0 at PAR1 and 0 − 1 at LYS1 = 1 available over both: not out.
        stockDay(day, { 1: [["PAR1", 9, 1], ["LYS1", 5, 0]], 2: [["PAR1", 20, 0]], 3: [["PAR1", 48, 5]], 4: [["PAR1", 2, 0], ["LYS1", 0, 1]], 5: [["PAR1", 0, 0]] }),
        webFile(day, [
          event(3, "2026-10-02T01:20:00", "product_view", sku(4)),
          event(3, "2026-10-02T01:22:00", "add_to_cart", sku(4)),
          event(3, "2026-10-02T01:28:00", "checkout_start"),
          event(3, "2026-10-01T23:30:00Z", "purchase", ord(4)),
          event(4, "2026-10-02T12:00:00", "page_view", { utm_source: "google", utm_medium: "cpc" }),
        ]),
      ];
    case "2026-10-03":
      return [
        f("orders", [
          order(1, 1, "2026-10-01T10:00:00", "shipped", "web", "4.90", "2026-10-03T09:00:00"),
          order(6, 2, "2026-10-03T09:30:00", "paid", "web", "4.90", "2026-10-03T09:31:00"),
        ]),
        f("order_lines", [line(6, 1, 3, 3, "20.00")]),
        f("payments", [payment(7, 6, "card", "64.90", "captured", "2026-10-03T09:30:30"), payment(8, 3, "paypal", "20.00", "refunded", "2026-10-03T11:05:00")]),
        f("returns", [{ return_id: "RET-00000001", ...ord(3), line_no: "2", ...sku(3), quantity: "1", refund_amount: "20.00", reason: "changed_mind", returned_at: P("2026-10-03T11:00:00") }]),
        stockDay(day, { 1: [["PAR1", 8, 0], ["LYS1", 0, 0]], 2: [["PAR1", 18, 1]], 3: [["PAR1", 45, 3]], 4: [["PAR1", 4, 0]], 5: [["PAR1", 0, 0]] }),
        webFile(day, [
          event(5, "2026-10-03T09:25:00", "product_view", sku(3)),
          event(5, "2026-10-03T09:26:00", "add_to_cart", sku(3)),
          event(5, "2026-10-03T09:28:00", "checkout_start"),
          event(5, "2026-10-03T09:30:00", "purchase", ord(6)),
          event(6, "2026-10-03T16:00:00", "page_view"),
          event(6, "2026-10-03T16:01:00", "product_view", sku(2)),
        ]),
      ];
    case "2026-10-04":
      return [
        f("orders", [order(7, 3, "2026-10-04T15:00:00", "paid", "web", "4.90", "2026-10-04T15:01:00")]),
        f("order_lines", [line(7, 1, 4, 1, "60.00")]),
        f("payments", [payment(9, 7, "card", "64.90", "captured", "2026-10-04T15:00:30")]),
        stockDay(day, { 1: [["PAR1", 8, 0]], 2: [["PAR1", 18, 0]], 3: [["PAR1", 0, 0]], 4: [["PAR1", 3, 0]], 5: [["PAR1", 0, 0]] }),
        webFile(day, [event(7, "2026-10-04T14:58:00", "product_view", sku(4)), event(7, "2026-10-04T15:00:00", "purchase", ord(7))]),
      ];
  }
}

/** Every file of days 1–3. */
export const allFixtureFiles = () => DAYS.flatMap((d) => fixtureDay(d));

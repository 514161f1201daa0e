// Walks the period day by day, writing each day's export files, and finally the full
// snapshots of the dimensions and ground_truth.json. Deterministic: everything random comes
// from Random streams derived from the seed, and nothing depends on the clock.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { CONTRACTS, SOURCES } from "../pipeline/contracts";
import { planAnomalies } from "./anomalies-plan";
import { buildCatalog, changeCatalog } from "./catalog";
import { Customers } from "./customers";
import { placeDayOrders } from "./day-orders";
import { Defects } from "./defects";
import { writeExcelProducts } from "./excel-export";
import { ExportFiles } from "./export-files";
import { GroundTruth } from "./ground-truth";
import { buildManifest, type GroundTruthManifest } from "./manifest";
import { OrderLifecycle } from "./order-lifecycle";
import { atLocalSeconds, businessDays } from "./paris-time";
import { planPromotions } from "./promotions-plan";
import { Random } from "./random";
import { customerCells, productCells, promotionCells, stockCells } from "./rows";
import { SCALES, sessionsPerWebOrder, type ScaleName } from "./scales";
import type { DayFiles, Simulation } from "./simulation";
import { Stock } from "./stock";
import { WebTraffic } from "./web-sessions";
import { writeSnapshots } from "./snapshots";

export interface GenerateOptions {
  outDir: string;
  from: string;
  to: string;
  scale: ScaleName;
  seed: number;
  dirty?: boolean;
  gzip?: boolean;
  /** Web sessions per web/app order (1 / conversion rate). */
  sessionsPerOrder?: number;
  onProgress?: (date: string, ordersSoFar: number) => void;
  /** While the full customers snapshot is written at the end (millions of rows at scale l). */
  onSnapshotProgress?: (customersWritten: number, customers: number) => void;
}

export const DEFAULT_RANGE = { from: "2024-11-24", to: "2026-11-23" } as const;
export const DEFECT_RATE = 0.002;
const UNITS_PER_ORDER = 3.1;

export async function generate(options: GenerateOptions): Promise<GroundTruthManifest> {
  const { outDir, seed } = options;
  const days = businessDays(options.from, options.to);
  if (!days.length) throw new Error("--from must not be after --to");
  const scale = SCALES[options.scale];
  const products = buildCatalog(new Random(seed, 1), scale.skus, days[0].startMs + 6 * 3600_000);
  const totalPopularity = products.reduce((s, p) => s + p.popularity, 0);
  const stock = new Stock(new Random(seed, 2), products, (p) => (scale.ordersPerDay * UNITS_PER_ORDER * p.popularity) / totalPopularity);
  const promotions = planPromotions(new Random(seed, 3), days, products);
  const dates = days.map((d) => d.date);
  const sim: Simulation = {
    seed,
    random: new Random(seed),
    days,
    dates,
    products,
    customers: new Customers(seed),
    stock,
    promotions,
    anomalies: planAnomalies(new Random(seed, 4), days, promotions),
    truth: new GroundTruth(dates, products),
    ordersPerDay: scale.ordersPerDay,
    sequences: { order: 0, payment: 0, return: 0 },
  };
  const lifecycle = new OrderLifecycle(sim);
  const web = new WebTraffic(new Random(seed, 5), products);
  const defects = options.dirty ? new Defects(seed, DEFECT_RATE) : null;
  const files = new ExportFiles(outDir, defects);
  const excelDay = Math.floor(days.length / 2);
  const { random, customers, truth } = sim;

  const openDay = async (date: string) =>
    Object.fromEntries(
      await Promise.all(
        SOURCES.map(async (s) => [s, s === "web_events" ? await files.open(s, `web_events_${date}.ndjson${options.gzip ? ".gz" : ""}`, undefined, options.gzip) : await files.open(s, `${s}_${date}.csv`, CONTRACTS[s].columnNames)]),
      ),
    ) as DayFiles;
  let nextFiles = openDay(days[0].date);

  for (const day of days) {
    const d = day.index;
    const dayFiles = await nextFiles;
    // Opened in the background while this day is generated (file creation is slow-ish).
    if (d + 1 < days.length) nextFiles = openDay(days[d + 1].date);

    const changedProducts = d === 0 ? products : changeCatalog(random, products, day.startMs);
    for (const p of changedProducts) dayFiles.products.writeRow(productCells(p));
    truth.counts.productChanges += changedProducts.length;
    if (defects && d === excelDay) defects.record("latin1_excel_file", writeExcelProducts(outDir, day.date, products), null);

    // The day's shipments, cancellations and returns first, so a product counted out of stock
    // for the day cannot get units back later that day.
    lifecycle.runDay(d, dayFiles);
    stock.startDay(d, dates);

    const changedCustomers = new Set<number>();
    for (let n = random.poisson(customers.count * 0.0008); n > 0; n--) {
      const index = random.int(0, customers.count - 1);
      customers.change(random, index, atLocalSeconds(day, random.int(7 * 3600, 22 * 3600)));
      changedCustomers.add(index);
      truth.counts.customerChanges++;
    }

    let webOrders = 0;
    const eventsAtDayStart = web.events;
    await placeDayOrders(sim, lifecycle, d, dayFiles, ({ order }) => {
      if (order.channel === "marketplace") return;
      web.purchaseSession(dayFiles.web_events, day, order);
      webOrders++;
    }, changedCustomers);

    const browsing = random.poisson(webOrders * (sessionsPerWebOrder(options.scale, options.sessionsPerOrder) - 1));
    for (let n = 0; n < browsing; n++) {
      const loggedIn = customers.count > 0 && random.chance(0.2) ? Customers.id(customers.pickReturning(random, d)) : null;
      web.browsingSession(dayFiles.web_events, day, loggedIn);
      if (n % 2000 === 1999) await dayFiles.web_events.drain();
    }
    const totals = truth.daily[d];
    totals.webSessions = webOrders + browsing;
    totals.purchaseSessions = webOrders;
    totals.webEvents = web.events - eventsAtDayStart;
    totals.newCustomers = [...changedCustomers].filter((i) => customers.createdDayOf(i) === d).length;

    for (const index of [...changedCustomers].sort((a, b) => a - b)) dayFiles.customers.writeRow(customerCells(customers.row(index)));
    products.forEach((p, i) => {
      if (p.active) dayFiles.stock_snapshots.writeRow(stockCells(day.date, p, stock.snapshot(i).onHand, stock.snapshot(i).reserved));
    });
    for (const promo of promotions.filter((p) => p.createdDay === d)) {
      dayFiles.promotions.writeRow(promotionCells(promo, promoBoundary(days, promo.startDay), promoBoundary(days, promo.endDay)));
    }
    await Promise.all(Object.values(dayFiles).map((f) => f.close()));
    options.onProgress?.(day.date, truth.counts.orders);
  }

  stock.finish(dates);
  truth.counts.customers = customers.count;
  truth.counts.webEvents = web.events;
  truth.counts.webSessions = truth.daily.reduce((s, t) => s + t.webSessions, 0);
  await writeSnapshots(files, sim, (day) => promoBoundary(days, day), (n) => options.onSnapshotProgress?.(n, customers.count));
  const manifest = buildManifest(options, sim, defects);
  writeFileSync(path.join(outDir, "ground_truth.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** Paris midnight starting a day index (possibly just after the period). */
function promoBoundary(days: ReturnType<typeof businessDays>, dayIndex: number): number {
  if (dayIndex < days.length) return days[dayIndex].startMs;
  return days[days.length - 1].endMs + (dayIndex - days.length) * 86_400_000;
}

// Web and app tracking events. Every web/app order gets a session walking the funnel to a
// purchase event carrying its order_id; many more sessions browse and leave, so that about
// 1 session in sessionsPerWebOrder (scales.ts) converts.
import { CATEGORIES, type Product } from "./catalog";
import type { ExportFile } from "./export-files";
import { formatParis, type BusinessDay } from "./paris-time";
import { makeIpv4, USER_AGENTS } from "./people";
import type { Random } from "./random";
import { sampleShoppingTime } from "./shopping-hours";
import type { Order } from "./simulation";

const SITE = "https://www.maison-lumiere.fr";
const APP = "app://maison-lumiere";
const CAMPAIGNS = [
  { source: "google", medium: "cpc", campaign: "marque", referrer: "https://www.google.fr/" },
  { source: "newsletter", medium: "email", campaign: "newsletter_hebdo", referrer: null },
  { source: "facebook", medium: "social", campaign: "prospection", referrer: "https://www.facebook.com/" },
  { source: "instagram", medium: "social", campaign: "influence", referrer: "https://www.instagram.com/" },
];

interface Visit {
  sessionId: string;
  anonymousId: string;
  customerId: string | null;
  app: boolean;
  userAgent: string;
  ip: string;
  utm: (typeof CAMPAIGNS)[number] | null;
  referrer: string | null;
}

export class WebTraffic {
  events = 0;

  constructor(private readonly random: Random, private readonly products: readonly Product[]) {}

  /** The session that ended with this order's purchase (purchase ts = ordered_at). */
  purchaseSession(file: ExportFile, day: BusinessDay, order: Order): void {
    const visit = this.visit(order.channel === "app", order.customerId);
    const skus = order.lines.map((l) => this.products[l.product].sku);
    const steps: [string, string | null, string][] = [["page_view", null, "/"]];
    for (const sku of skus) steps.push(["product_view", sku, `/p/${sku}`], ["add_to_cart", sku, `/p/${sku}`]);
    steps.push(["checkout_start", null, "/commande"]);
    const start = Math.max(day.startMs, order.orderedMs - this.random.int(3, 30) * 60_000);
    steps.forEach(([type, sku, page], i) => {
      const ts = start + Math.floor(((order.orderedMs - start) * i) / steps.length);
      this.write(file, visit, ts, type, sku, null, page);
    });
    this.write(file, visit, order.orderedMs, "purchase", null, order.id, "/commande/confirmation");
  }

  /** A session that does not buy: bounce, browse, sometimes a cart or even a checkout. */
  browsingSession(file: ExportFile, day: BusinessDay, returningCustomerId: string | null): void {
    const r = this.random;
    const visit = this.visit(r.chance(0.3), returningCustomerId);
    let ts = sampleShoppingTime(r, day);
    const next = () => (ts = Math.min(ts + r.int(5, 180) * 1000, day.endMs - 1000));
    const landingCategory = CATEGORIES[r.int(0, CATEGORIES.length - 1)].name;
    this.write(file, visit, ts, "page_view", null, null, r.chance(0.5) ? "/" : `/c/${encodeURIComponent(landingCategory.toLowerCase())}`);
    if (r.chance(0.45)) return;
    const views = r.int(1, 4);
    let cartSku: string | null = null;
    for (let i = 0; i < views; i++) {
      const sku = r.pick(this.products).sku;
      this.write(file, visit, next(), "product_view", sku, null, `/p/${sku}`);
      if (!cartSku && r.chance(0.06)) cartSku = sku;
    }
    if (!cartSku) return;
    this.write(file, visit, next(), "add_to_cart", cartSku, null, `/p/${cartSku}`);
    if (r.chance(0.35)) this.write(file, visit, next(), "checkout_start", null, null, "/commande");
  }

  private visit(app: boolean, customerId: string | null): Visit {
    const r = this.random;
    const utm = !app && r.chance(0.35) ? r.pick(CAMPAIGNS) : null;
    const userAgent = app ? r.pick(USER_AGENTS.app) : r.chance(0.55) ? r.pick(USER_AGENTS.mobile) : r.pick(USER_AGENTS.desktop);
    const referrer = utm ? utm.referrer : !app && r.chance(0.4) ? r.pick(["https://www.google.fr/", "https://www.bing.com/", "https://www.qwant.com/"]) : null;
    return { sessionId: r.uuid(), anonymousId: r.uuid(), customerId, app, userAgent, ip: makeIpv4(r), utm, referrer };
  }

  private write(file: ExportFile, v: Visit, ts: number, type: string, sku: string | null, orderId: string | null, page: string): void {
    const event = {
      event_id: this.random.uuid(),
      ts: formatParis(ts),
      session_id: v.sessionId,
      anonymous_id: v.anonymousId,
      customer_id: v.customerId,
      type,
      sku,
      order_id: orderId,
      url: `${v.app ? APP : SITE}${page}`,
      referrer: v.referrer,
      utm_source: v.utm?.source ?? null,
      utm_medium: v.utm?.medium ?? null,
      utm_campaign: v.utm?.campaign ?? null,
      user_agent: v.userAgent,
      ip: v.ip,
    };
    file.writeLine(`${JSON.stringify(event)}\n`);
    this.events++;
  }
}

// Contract tests against real local servers: an SMTP server (smtp-server, mails parsed with
// mailparser) and a node:http webhook receiver. New alerts go out once; the digest reaches only
// users who opted in, with their role's alerts; a dead SMTP server or a failing receiver is
// recorded, never thrown. Each email speaks its reader's language (the user's saved locale, else
// NOTIFY_LOCALE): the expected strings are written out by hand, with the no-break spaces fr-FR puts
// in amounts (U+202F between thousands, U+00A0 before € and %).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import { runNotifications, yesterdayIn } from "./notification-phase";

const TZ = "Europe/Paris";
let db: TestDatabase;
let smtp: SMTPServer;
let smtpPort: number;
let hook: http.Server;
let hookPort: number;
let hookStatus = 200;
const mails: ParsedMail[] = [];
const posts: { path: string; body: unknown }[] = [];
const day = yesterdayIn(TZ);
const weekBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
const env = () => ({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}/?ignoreTLS=true`, ALERT_EMAIL_TO: "ops@shop.fr, Emma@shop.co.uk", ALERT_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/hooks/T000/secret`, NEXTAUTH_URL: "https://shop.example" });

async function startSmtp() {
  smtp = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], onData: (stream, _s, done) => void simpleParser(stream).then((m) => (mails.push(m), done()), done) });
  await new Promise<void>((ok) => smtp.listen(0, "127.0.0.1", ok));
  smtpPort = (smtp.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await startSmtp();
  hook = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c)).on("end", () => {
      posts.push({ path: req.url ?? "", body: JSON.parse(body) });
      res.writeHead(hookStatus).end();
    });
  });
  await new Promise<void>((ok) => hook.listen(0, "127.0.0.1", ok));
  hookPort = (hook.address() as AddressInfo).port;
  const q = (sql: string, params: unknown[] = []) => db.pool.query(sql, params);
  const users = [[1, "supply_chain", "sacha@shop.fr", true, "fr"], [2, "finance", "fabien@shop.fr", true, "fr"], [3, "admin", "alice@shop.fr", false, "fr"], [4, "finance", "emma@shop.co.uk", true, "en"]] as const;
  for (const [id, role, email, optIn, locale] of users) {
    await q("INSERT INTO app_user (id, email, name, role, password_hash, locale, updated_at) VALUES ($1, $2, $2, $3, 'x', $4, now())", [`00000000-0000-4000-8000-00000000000${id}`, email, role, locale]);
    await q("INSERT INTO notification_preference (user_id, daily_digest, updated_at) VALUES ($1, $2, now())", [`00000000-0000-4000-8000-00000000000${id}`, optIn]);
  }
  await q("INSERT INTO gold_sales_daily (day, channel, orders, revenue, discount, shipping, units, cost) VALUES ($1, 'web', 10, 1234.50, 0, 0, 20, 600), ($2, 'web', 8, 1122.27, 0, 0, 16, 500)", [day, weekBefore]);
  await q(`INSERT INTO alert (id, key, kind, status, day, metric, scope_type, scope_value, observed, expected, expected_low, expected_high) VALUES
    (1, 'k1', 'stock_out', 'open', $1, NULL, 'sku', 'SKU-00042', 0, 5, NULL, NULL),
    (2, 'k2', 'anomaly', 'open', $1, 'revenue', 'total', NULL, 1234.5, 3000, 2500, 3600),
    (3, 'k3', 'anomaly', 'open', $2::date - 30, 'orders', 'total', NULL, 3, 10, 8, 12),
    (4, 'k4', 'low_stock', 'resolved', $1, NULL, 'sku', 'SKU-00007', 2, 5, NULL, NULL)`, [day, day]);
});
afterAll(async () => {
  await new Promise<void>((ok) => smtp.close(ok));
  await new Promise<void>((ok) => hook.close(() => ok()));
  await db?.drop();
});

const byTo = (to: string) => mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.toLowerCase().includes(to)));
const FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const longDate = (d: string, months: string[]) => `${Number(d.slice(8))} ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
const monthBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
const [frDay, enDay] = [longDate(day, FR_MONTHS), longDate(day, EN_MONTHS)];
const text = (m: ParsedMail) => (m.text ?? "").trimEnd();

describe("notifications", () => {
  it("emails and posts the new open recent alerts once, and digests for users who opted in", async () => {
    const r = await runNotifications(db.pool, TZ, env());
    expect(r).toEqual({ told: { email: { alerts: 2, ok: true }, webhook: { alerts: 2, ok: true } }, digest: { sent: 3, failed: 0 } });
    // ops@ is nobody's address: the deployment's language, French by default.
    const [alertMail] = byTo("ops@shop.fr");
    expect(alertMail.subject).toBe("[Alertes] 2 nouvelles alertes");
    expect(text(alertMail)).toBe(
      [
        `- Rupture : SKU-00042 en rupture depuis le ${frDay}`,
        `- Anomalie : Chiffre d'affaires (total) le ${frDay} — observé 1\u202f234,50\u00a0€, attendu 3\u202f000,00\u00a0€ (plage 2\u202f500,00\u00a0€ – 3\u202f600,00\u00a0€)`,
        "",
        "Voir et prendre en compte : https://shop.example/alerts",
      ].join("\n"),
    );

    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe("/hooks/T000/secret");
    const body = posts[0].body as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] };
    expect(body.text).toBe("[Alertes] 2 nouvelles alertes");
    expect(body.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "context"]);
    expect(body.blocks[0].text?.text).toBe("2 nouvelles alertes");
    expect(body.blocks[1].text).toEqual({ type: "mrkdwn", text: `Rupture : SKU-00042 en rupture depuis le ${frDay}` });

    const [supply] = byTo("sacha@shop.fr");
    const [finance] = byTo("fabien@shop.fr");
    expect(byTo("alice@shop.fr")).toHaveLength(0);
    expect(supply.text).toContain("Alertes ouvertes (3)");
    expect(supply.text).toContain("SKU-00042");
    // 1234.50 / 1122.27 − 1 = +10.0 %; 10 / 8 − 1 = +25 %; AOV 1234.50 / 10 = 123.45 vs round(1122.27 / 8) = 140.28: −12.0 %.
    expect(finance.subject).toBe(`Résumé du ${frDay}`);
    expect(text(finance)).toBe(
      [
        `Indicateurs du ${frDay}`,
        "- Chiffre d'affaires : 1\u202f234,50\u00a0€ (+10\u00a0% vs même jour la semaine précédente)",
        "- Commandes : 10 (+25\u00a0% vs même jour la semaine précédente)",
        "- Panier moyen : 123,45\u00a0€ (-12\u00a0% vs même jour la semaine précédente)",
        "",
        "Alertes ouvertes (2) :",
        `- Anomalie : Chiffre d'affaires (total) le ${frDay} — observé 1\u202f234,50\u00a0€, attendu 3\u202f000,00\u00a0€ (plage 2\u202f500,00\u00a0€ – 3\u202f600,00\u00a0€)`,
        `- Anomalie : Commandes (total) le ${longDate(monthBefore, FR_MONTHS)} — observé 3, attendu 10 (plage 8 – 12)`,
        "",
        "Tableau de bord : https://shop.example",
      ].join("\n"),
    );
  });

  it("writes to a user who chose English in English, with en-GB amounts and dates", async () => {
    const [alertMail, digest] = ["[Alert", "Daily summary"].map((s) => byTo("emma@shop.co.uk").find((m) => m.subject?.startsWith(s))!);
    expect(alertMail.subject).toBe("[Alerts] 2 new alerts");
    expect(text(alertMail)).toBe(
      [
        `- Stock-out: SKU-00042 out of stock since ${enDay}`,
        `- Anomaly: Revenue (total) on ${enDay} — observed €1,234.50, expected €3,000.00 (range €2,500.00 – €3,600.00)`,
        "",
        "View and acknowledge: https://shop.example/alerts",
      ].join("\n"),
    );
    expect(digest.subject).toBe(`Daily summary for ${enDay}`);
    expect(text(digest)).toBe(
      [
        `Key figures for ${enDay}`,
        "- Revenue: €1,234.50 (+10% vs the same day a week before)",
        "- Orders: 10 (+25% vs the same day a week before)",
        "- Average order value: €123.45 (-12% vs the same day a week before)",
        "",
        "Open alerts (2):",
        `- Anomaly: Revenue (total) on ${enDay} — observed €1,234.50, expected €3,000.00 (range €2,500.00 – €3,600.00)`,
        `- Anomaly: Orders (total) on ${longDate(monthBefore, EN_MONTHS)} — observed 3, expected 10 (range 8 – 12)`,
        "",
        "Dashboard: https://shop.example",
      ].join("\n"),
    );
  });

  it("sends nothing twice on a re-run", async () => {
    const before = mails.length;
    expect(await runNotifications(db.pool, TZ, env())).toEqual({ told: { email: null, webhook: null }, digest: { sent: 0, failed: 0 } });
    expect(mails.length).toBe(before);
    expect(posts).toHaveLength(1);
  });

  it("records a dead SMTP server and a failing receiver without throwing, and retries next time", async () => {
    await db.pool.query("INSERT INTO alert (id, key, kind, day, scope_type, scope_value, observed, expected) VALUES (5, 'k5', 'stock_out', $1, 'sku', 'SKU-00099', 0, 5)", [day]);
    const dead = { ...env(), SMTP_URL: "smtp://127.0.0.1:1/?ignoreTLS=true" };
    hookStatus = 500;
    expect((await runNotifications(db.pool, TZ, dead)).told).toEqual({ email: { alerts: 1, ok: false }, webhook: { alerts: 1, ok: false } });
    const { rows } = await db.pool.query("SELECT channel, ok, error FROM notification_delivery WHERE NOT ok ORDER BY channel, target");
    expect(rows.map((r) => [r.channel, r.ok])).toEqual([["email", false], ["email", false], ["webhook", false]]);
    expect(rows[0].error).toMatch(/ECONNREFUSED/);
    expect(rows[2].error).toBe("HTTP 500");
    hookStatus = 200;
    // Now in English by default; sacha@, newly listed, still reads French and hears of the 3 open recent alerts.
    const retry = { ...env(), ALERT_EMAIL_TO: "ops@shop.fr, Emma@shop.co.uk, sacha@shop.fr", NOTIFY_LOCALE: "en" };
    const before = mails.length;
    expect((await runNotifications(db.pool, TZ, retry)).told).toEqual({ email: { alerts: 3, ok: true }, webhook: { alerts: 1, ok: true } });
    const sent = mails.slice(before);
    const stockOut = `[Alert] Stock-out: SKU-00099 out of stock since ${enDay}`;
    expect(sent.map((m) => [(m.to as { text: string }).text, m.subject])).toEqual([["ops@shop.fr", stockOut], ["Emma@shop.co.uk", stockOut], ["sacha@shop.fr", "[Alertes] 3 nouvelles alertes"]]);
    expect((posts[2].body as { text: string }).text).toBe(stockOut);
  });

  it("does not repeat an alert told before in one email to several addresses", async () => {
    await db.pool.query("INSERT INTO alert (id, key, kind, day, scope_type, scope_value, observed, expected) VALUES (6, 'k6', 'stock_out', $1, 'sku', 'SKU-00100', 0, 5)", [day]);
    await db.pool.query("INSERT INTO notification_delivery (channel, purpose, target, alert_ids, ok) VALUES ('email', 'alert', 'ops@shop.fr, someone@shop.fr', '{6}', true)");
    const before = mails.length;
    expect((await runNotifications(db.pool, TZ, env())).told.email).toEqual({ alerts: 1, ok: true });
    expect(mails.slice(before).map((m) => (m.to as { text: string }).text)).toEqual(["Emma@shop.co.uk"]);
  });
});

// Contract tests against real local servers: an SMTP server (smtp-server, mails parsed with
// mailparser) and a node:http webhook receiver. New alerts go out once; the digest reaches only
// users who opted in, with their role's alerts; a dead SMTP server or a failing receiver is
// recorded, never thrown.
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
const env = () => ({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}/?ignoreTLS=true`, ALERT_EMAIL_TO: "ops@shop.fr", ALERT_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/hooks/T000/secret`, NEXTAUTH_URL: "https://shop.example" });

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
  for (const [id, role, email, optIn] of [[1, "supply_chain", "sacha@shop.fr", true], [2, "finance", "fabien@shop.fr", true], [3, "admin", "alice@shop.fr", false]] as const) {
    await q("INSERT INTO app_user (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, $2, $3, 'x', now())", [`00000000-0000-4000-8000-00000000000${id}`, email, role]);
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

const byTo = (to: string) => mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));

describe("notifications", () => {
  it("emails and posts the new open recent alerts once, and digests for users who opted in", async () => {
    const r = await runNotifications(db.pool, TZ, env());
    expect(r).toEqual({ told: { email: { alerts: 2, ok: true }, webhook: { alerts: 2, ok: true } }, digest: { sent: 2, failed: 0 } });
    const [alertMail] = byTo("ops@shop.fr");
    expect(alertMail.subject).toBe("[Alertes] 2 nouvelles alertes");
    expect(alertMail.text).toContain("Rupture : SKU-00042 en rupture depuis le");
    expect(alertMail.text).toMatch(/Anomalie : Chiffre d'affaires \(total\) le .* observé 1\s234,50\s€, attendu 3\s000,00\s€ \(plage 2\s500,00\s€ – 3\s600,00\s€\)/);
    expect(alertMail.text).toContain("https://shop.example/alerts");
    expect(alertMail.text).not.toContain("SKU-00007");

    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe("/hooks/T000/secret");
    const body = posts[0].body as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] };
    expect(body.text).toBe("[Alertes] 2 nouvelles alertes");
    expect(body.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "context"]);
    expect(body.blocks[1].text).toEqual({ type: "mrkdwn", text: expect.stringContaining("SKU-00042") });

    const [supply] = byTo("sacha@shop.fr");
    const [finance] = byTo("fabien@shop.fr");
    expect(byTo("alice@shop.fr")).toHaveLength(0);
    // 1234.50 / 1122.27 − 1 = +10 %; AOV 123.45 vs 140.28 = −12 %.
    expect(supply.text).toMatch(/Chiffre d'affaires : 1\s234,50\s€ \(\+10\s%/);
    expect(supply.text).toMatch(/Commandes : 10 \(\+25\s%/);
    expect(supply.text).toMatch(/Panier moyen : 123,45\s€ \(-12\s%/);
    expect(supply.text).toContain("Alertes ouvertes (3)");
    expect(supply.text).toContain("SKU-00042");
    expect(finance.text).toContain("Alertes ouvertes (2)");
    expect(finance.text).not.toContain("SKU-00042");
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
    const { rows } = await db.pool.query("SELECT channel, ok, error FROM notification_delivery WHERE NOT ok ORDER BY channel");
    expect(rows.map((r) => [r.channel, r.ok])).toEqual([["email", false], ["webhook", false]]);
    expect(rows[0].error).toMatch(/ECONNREFUSED/);
    expect(rows[1].error).toBe("HTTP 500");
    hookStatus = 200;
    expect((await runNotifications(db.pool, TZ, env())).told).toEqual({ email: { alerts: 1, ok: true }, webhook: { alerts: 1, ok: true } });
  });
});

// An alert's life: raised, acknowledged (who, when, comment) and seen so by another user, resolved
// with a comment; roles see only their kinds and only alerts:ack holders may change them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/test/test-database";
import type { CurrentUser } from "../auth/current-user";
import { ForbiddenError } from "../auth/assert-can";
import { acknowledgeAlert, resolveAlert } from "./change-alert-status";
import { listAlerts } from "./list-alerts";

let db: TestDatabase;
const user = (n: number, role: CurrentUser["role"], name: string): CurrentUser => ({ id: `00000000-0000-4000-8000-00000000000${n}`, email: `${role}@x.fr`, name, role, locale: "fr" });
const SUPPLY = user(1, "supply_chain", "Sam Supply");
const ADMIN = user(2, "admin", "Ada Admin");
const FINANCE = user(3, "finance", "Fin Ance");

beforeAll(async () => {
  db = await createTestDatabase();
  for (const u of [SUPPLY, ADMIN, FINANCE]) {
    await db.pool.query("INSERT INTO app_user (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, $3, $4, 'x', now())", [u.id, u.email, u.name, u.role]);
  }
  await db.pool.query(`INSERT INTO alert (id, key, kind, day, scope_type, scope_value, metric, observed, expected) VALUES
    (1, 'stock_out:A:2026-11-02', 'stock_out', '2026-11-02', 'sku', 'A', NULL, 0, 5),
    (2, 'anomaly:revenue:total::2026-11-03', 'anomaly', '2026-11-03', 'total', NULL, 'revenue', 1200.5, 3000)`);
});
afterAll(() => db?.drop());

const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe("alert lifecycle", () => {
  it("shows stock alerts to supply chain and admins, anomalies to every KPI reader", async () => {
    expect(ids(await listAlerts(db.pool, SUPPLY))).toEqual(["2", "1"]);
    expect(ids(await listAlerts(db.pool, ADMIN))).toEqual(["2", "1"]);
    expect(ids(await listAlerts(db.pool, FINANCE))).toEqual(["2"]);
    expect(ids(await listAlerts(db.pool, ADMIN, { kinds: ["stock_out"] }))).toEqual(["1"]);
  });

  it("records who acknowledged, when and why; another user sees it", async () => {
    const before = Date.now();
    const r = await acknowledgeAlert(db.pool, SUPPLY, 1n, "  supplier called  ");
    expect(r.ok).toBe(true);
    const seen = (await listAlerts(db.pool, ADMIN)).find((a) => a.id === "1")!;
    expect(seen).toMatchObject({ status: "acknowledged", acknowledgedBy: "Sam Supply", ackComment: "supplier called", observed: "0.0000", expected: "5.0000" });
    expect(Date.parse(seen.acknowledgedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(ids(await listAlerts(db.pool, ADMIN, { status: "open" }))).toEqual(["2"]);
  });

  it("acknowledges without a comment, resolves with one, then refuses to change a resolved alert", async () => {
    expect(await acknowledgeAlert(db.pool, ADMIN, 2n, "")).toMatchObject({ ok: true, alert: { ackComment: null, acknowledgedBy: "Ada Admin" } });
    expect(await resolveAlert(db.pool, SUPPLY, 1n, "restocked")).toMatchObject({ ok: true, alert: { status: "resolved", resolvedBy: "Sam Supply", resolveComment: "restocked" } });
    expect(await acknowledgeAlert(db.pool, SUPPLY, 1n, null)).toEqual({ ok: false, reason: "already_resolved" });
    expect(await resolveAlert(db.pool, SUPPLY, 99n, "x")).toEqual({ ok: false, reason: "not_found" });
    expect(ids(await listAlerts(db.pool, ADMIN, { status: "active" }))).toEqual(["2"]);
  });

  it("lets only alerts:ack holders change alerts", async () => {
    await expect(acknowledgeAlert(db.pool, FINANCE, 2n, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resolveAlert(db.pool, FINANCE, 2n, "x")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

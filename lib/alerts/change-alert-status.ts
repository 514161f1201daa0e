// Acknowledge (optional comment) or resolve (comment required) an alert the user may see,
// recording who and when. Answers the updated alert, or why not.
import type pg from "pg";
import { assertCan } from "../auth/assert-can";
import type { CurrentUser } from "../auth/current-user";
import { ALERT_SELECT, type AlertView } from "./alert-view";
import { visibleAlertKinds } from "./alert-visibility";

export type AlertChange = { ok: true; alert: AlertView } | { ok: false; reason: "not_found" | "already_resolved" };

export async function acknowledgeAlert(pool: pg.Pool, actor: CurrentUser, id: bigint, comment: string | null): Promise<AlertChange> {
  assertCan(actor, "alerts:ack");
  return change(pool, actor, id, `status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $3, ack_comment = $4`, comment);
}

export async function resolveAlert(pool: pg.Pool, actor: CurrentUser, id: bigint, comment: string): Promise<AlertChange> {
  assertCan(actor, "alerts:ack");
  return change(pool, actor, id, `status = 'resolved', resolved_at = now(), resolved_by = $3, resolve_comment = $4`, comment);
}

async function change(pool: pg.Pool, actor: CurrentUser, id: bigint, set: string, comment: string | null): Promise<AlertChange> {
  const kinds = visibleAlertKinds(actor.role);
  const text = comment?.trim() || null;
  const { rowCount } = await pool.query(`UPDATE alert SET ${set} WHERE id = $1 AND kind::text = ANY($2::text[]) AND status <> 'resolved'`, [id, kinds, actor.id, text]);
  const { rows } = await pool.query<AlertView>(`${ALERT_SELECT} WHERE a.id = $1 AND a.kind::text = ANY($2::text[])`, [id, kinds]);
  if (rows.length === 0) return { ok: false, reason: "not_found" };
  return rowCount ? { ok: true, alert: rows[0] } : { ok: false, reason: "already_resolved" };
}

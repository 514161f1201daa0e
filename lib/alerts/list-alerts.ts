// The alerts a user may see, newest first: the feed (polled) and GET /api/v1/alerts.
import type pg from "pg";
import { z } from "zod";
import type { CurrentUser } from "../auth/current-user";
import { ALERT_SELECT, type AlertView } from "./alert-view";
import { ALERT_KINDS, visibleAlertKinds, type AlertKind } from "./alert-visibility";

/** GET /api/v1/alerts's query (`kind` repeatable). */
export const alertListQuery = z.object({
  status: z.enum(["open", "acknowledged", "resolved", "active"]).optional(),
  kind: z.array(z.enum(ALERT_KINDS)).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export type AlertFilter = { status?: "open" | "acknowledged" | "resolved" | "active"; kinds?: AlertKind[]; limit?: number };

export async function listAlerts(pool: pg.Pool, actor: Pick<CurrentUser, "role">, filter: AlertFilter = {}): Promise<AlertView[]> {
  const visible = visibleAlertKinds(actor.role);
  const kinds = filter.kinds ? visible.filter((k) => filter.kinds!.includes(k)) : visible;
  if (kinds.length === 0) return [];
  const statuses = filter.status === "active" ? ["open", "acknowledged"] : filter.status ? [filter.status] : ["open", "acknowledged", "resolved"];
  const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? 100)), 500);
  const { rows } = await pool.query<AlertView>(
    `${ALERT_SELECT}
      WHERE a.kind::text = ANY($1::text[]) AND a.status::text = ANY($2::text[])
      ORDER BY (a.status = 'resolved'), a.day DESC, a.id DESC
      LIMIT $3`,
    [kinds, statuses, limit],
  );
  return rows;
}

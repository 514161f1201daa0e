// Who sees which alerts: stock alerts belong to supply chain, metric anomalies to everyone who
// reads KPIs. Acknowledging and resolving need `alerts:ack` on top (lib/auth/permissions).
import { can, type Permission } from "../auth/permissions";
import type { Role } from "../generated/prisma/enums";

export const ALERT_KINDS = ["stock_out", "low_stock", "anomaly"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const VIEW_PERMISSION: Record<AlertKind, Permission> = {
  stock_out: "supply_chain:view",
  low_stock: "supply_chain:view",
  anomaly: "kpi:read",
};

export function visibleAlertKinds(role: Role | null | undefined): AlertKind[] {
  return ALERT_KINDS.filter((kind) => can(role, VIEW_PERMISSION[kind]));
}

// The one table that says which role may do what. Everything not listed is denied.
import type { Role } from "../generated/prisma/enums";

export const ROLES = [
  "admin",
  "finance",
  "marketing",
  "supply_chain",
  "merchandising",
  "analyst",
  "data_scientist",
] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "finance:view",
  "marketing:view",
  "supply_chain:view",
  "merchandising:view",
  "analyst:view",
  "data:view",
  "admin:view",
  "users:manage",
  "uploads:write",
  "pipeline:run",
  "thresholds:manage",
  "alerts:ack",
  "kpi:read",
  "forecasts:view",
  "datasets:read",
  "quality:read",
  "pii:read",
  "pii:erase",
  "segments:view",
  "segments:export",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  finance: ["finance:view", "kpi:read", "forecasts:view"],
  marketing: ["marketing:view", "kpi:read", "segments:view", "segments:export", "forecasts:view"],
  supply_chain: ["supply_chain:view", "kpi:read", "alerts:ack", "forecasts:view"],
  merchandising: ["merchandising:view", "kpi:read"],
  analyst: ["analyst:view", "kpi:read", "datasets:read", "quality:read", "segments:view", "forecasts:view"],
  data_scientist: ["data:view", "kpi:read", "datasets:read", "quality:read"],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? ROLE_PERMISSIONS[role].includes(permission) : false;
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

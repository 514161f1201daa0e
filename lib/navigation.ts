// The app's sections, who may open them, and where each role lands after signing in.
import type { Role } from "./generated/prisma/enums";
import type { Messages } from "./i18n/messages";
import { can, type Permission } from "./auth/permissions";

export type Section = { href: string; permission: Permission | "signed-in"; label: keyof Messages["nav"] };

export const SECTIONS: Section[] = [
  { href: "/finance", permission: "finance:view", label: "finance" },
  { href: "/marketing", permission: "marketing:view", label: "marketing" },
  { href: "/marketing/segments", permission: "segments:view", label: "segments" },
  { href: "/supply-chain", permission: "supply_chain:view", label: "supply_chain" },
  { href: "/merchandising", permission: "merchandising:view", label: "merchandising" },
  { href: "/analyst", permission: "analyst:view", label: "analyst" },
  { href: "/forecasts", permission: "forecasts:view", label: "forecasts" },
  // The data catalogue: the data scientist's home, open to analysts too.
  { href: "/data", permission: "datasets:read", label: "data" },
  { href: "/glossary", permission: "kpi:read", label: "glossary" },
  { href: "/contracts", permission: "datasets:read", label: "contracts" },
  { href: "/alerts", permission: "kpi:read", label: "alerts" },
  { href: "/tokens", permission: "signed-in", label: "tokens" },
  { href: "/admin", permission: "admin:view", label: "admin" },
  { href: "/admin/uploads", permission: "uploads:write", label: "uploads" },
  { href: "/admin/pipeline", permission: "pipeline:run", label: "pipeline" },
  { href: "/admin/users", permission: "users:manage", label: "users" },
  { href: "/admin/alert-thresholds", permission: "thresholds:manage", label: "alertThresholds" },
];

export const ROLE_HOME: Record<Role, string> = {
  admin: "/admin",
  finance: "/finance",
  marketing: "/marketing",
  supply_chain: "/supply-chain",
  merchandising: "/merchandising",
  analyst: "/analyst",
  data_scientist: "/data",
};

export const sectionsFor = (role: Role) => SECTIONS.filter((s) => s.permission === "signed-in" || can(role, s.permission));

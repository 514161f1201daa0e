import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, permissionsOf, ROLES } from "./permissions";

describe("role → permission table", () => {
  it("denies by default: no role, unknown role", () => {
    expect(can(null, "kpi:read")).toBe(false);
    expect(can(undefined, "finance:view")).toBe(false);
  });

  it("gives admins every permission", () => {
    for (const p of PERMISSIONS) expect(can("admin", p)).toBe(true);
  });

  it("keeps clear PII, user management and uploads to admins", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(can(role, "pii:read")).toBe(false);
      expect(can(role, "users:manage")).toBe(false);
      expect(can(role, "uploads:write")).toBe(false);
    }
  });

  it("opens each persona page to its own role only (besides admin)", () => {
    const pages = {
      "finance:view": "finance",
      "marketing:view": "marketing",
      "supply_chain:view": "supply_chain",
      "merchandising:view": "merchandising",
      "analyst:view": "analyst",
      "data:view": "data_scientist",
    } as const;
    for (const [permission, owner] of Object.entries(pages)) {
      const holders = ROLES.filter((r) => can(r, permission as keyof typeof pages)).sort();
      expect(holders).toEqual(["admin", owner].sort());
    }
  });

  it("lets only supply chain (and admin) acknowledge stock alerts", () => {
    expect(ROLES.filter((r) => can(r, "alerts:ack")).sort()).toEqual(["admin", "supply_chain"]);
  });

  it("shows forecasts to finance, marketing, supply chain, analysts and admins only", () => {
    expect(ROLES.filter((r) => can(r, "forecasts:view")).sort()).toEqual(["admin", "analyst", "finance", "marketing", "supply_chain"]);
  });

  it("lists a role's permissions and recognises roles", () => {
    expect(permissionsOf("finance")).toEqual(["finance:view", "kpi:read", "forecasts:view"]);
    expect(isRole("data_scientist")).toBe(true);
    expect(isRole("root")).toBe(false);
  });
});

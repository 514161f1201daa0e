// Calls every route handler under app/api as anonymous and as each role, and checks the
// status against the permission table. A new route missing from ACCESS fails the first test;
// a route that forgets its guard fails the second.
import { expect, request, test } from "@playwright/test";
import { can, type Permission } from "../lib/auth/permissions";
import { routeHandlers, type Method } from "../scripts/test/route-handlers";
import { ROLES, storageStateOf, type RoleName } from "./roles";

type Access = Permission | "public" | "signed-in";

const ACCESS: Record<string, Partial<Record<Method, Access>>> = {
  "/api/auth/[...nextauth]": { GET: "public", POST: "public" },
  "/api/health": { GET: "public" },
  // Not behind a session: the Inngest SDK checks every request against INNGEST_SIGNING_KEY.
  "/api/inngest": { GET: "public", POST: "public", PUT: "public" },
  "/api/v1/me": { GET: "signed-in" },
  "/api/v1/users": { GET: "users:manage", POST: "users:manage" },
  "/api/v1/users/[id]": { PATCH: "users:manage" },
  "/api/v1/uploads": { GET: "uploads:write", POST: "uploads:write" },
  "/api/v1/uploads/[id]": { GET: "uploads:write" },
  "/api/v1/uploads/[id]/rejects": { GET: "uploads:write" },
  "/api/v1/uploads/preview": { POST: "uploads:write" },
  "/api/v1/mappings": { PUT: "uploads:write" },
  "/api/v1/kpis": { GET: "kpi:read" },
  "/api/v1/customers/[id]/erase": { POST: "pii:erase" },
  "/api/v1/kpis/[id]": { GET: "kpi:read" },
  "/api/v1/tokens": { GET: "signed-in", POST: "signed-in" },
  "/api/v1/tokens/[id]": { DELETE: "signed-in" },
  "/api/v1/pipeline/runs": { GET: "pipeline:run", POST: "pipeline:run" },
  "/api/v1/pipeline/runs/[id]": { GET: "pipeline:run" },
  "/api/v1/segments": { GET: "segments:view" },
  "/api/v1/segments/cohorts": { GET: "segments:view" },
  "/api/v1/segments/[segment]/customers": { GET: "segments:export" },
  "/api/v1/forecasts": { GET: "forecasts:view" },
  "/api/v1/forecasts/series": { GET: "forecasts:view" },
  "/api/v1/forecasts/days-of-cover": { GET: "forecasts:view" },
  "/api/v1/forecasts/promotions": { GET: "forecasts:view" },
  "/api/v1/alerts": { GET: "signed-in" },
  "/api/v1/alerts/[id]/acknowledge": { POST: "alerts:ack" },
  "/api/v1/alerts/[id]/resolve": { POST: "alerts:ack" },
  "/api/v1/alert-thresholds": { GET: "thresholds:manage", PUT: "thresholds:manage", DELETE: "thresholds:manage" },
  "/api/v1/me/notifications": { GET: "signed-in", PUT: "signed-in" },
  "/api/v1/openapi.json": { GET: "public" },
  "/api/v1/datasets": { GET: "datasets:read" },
  "/api/v1/datasets/[id]": { GET: "datasets:read" },
  "/api/v1/datasets/[id]/download": { GET: "datasets:read" },
};

// A concrete URL for a route pattern: dynamic segments get a harmless value.
const SAMPLE_SEGMENTS: Record<string, string> = { "[...nextauth]": "providers" };
const SAMPLE_IDS: Record<string, string> = { "/api/v1/uploads": "999999999", "/api/v1/pipeline/runs": "999999999", "/api/v1/alerts": "999999999", default: "00000000-0000-4000-8000-000000000000" };
const concrete = (route: string) =>
  route.replace(/\[[^\]]+\]/g, (s) => SAMPLE_SEGMENTS[s] ?? SAMPLE_IDS[route.slice(0, route.indexOf("/["))] ?? SAMPLE_IDS.default);

const discoverRoutes = () => Object.fromEntries(routeHandlers().map((h) => [`/api/${h.route}`, h.methods]));

test("every route handler is in the access table", () => {
  const table = Object.fromEntries(Object.entries(ACCESS).map(([route, m]) => [route, Object.keys(m).sort()]));
  expect(discoverRoutes()).toEqual(table);
});

const guarded = Object.entries(ACCESS).flatMap(([route, methods]) =>
  Object.entries(methods)
    .filter(([, access]) => access !== "public")
    .map(([method, access]) => ({ route, method: method as Method, access: access as Exclude<Access, "public"> })),
);

const allowed = (role: RoleName, access: Exclude<Access, "public">) => access === "signed-in" || can(role, access);

for (const { route, method, access } of guarded) {
  test(`${method} ${route} answers 401 / 403 / allowed by role`, async ({ baseURL }) => {
    const call = async (storageState?: string) => {
      const ctx = await request.newContext({ baseURL, storageState });
      const res = await ctx.fetch(concrete(route), { method, data: method === "GET" ? undefined : {} });
      const status = res.status();
      const body = status === 401 || status === 403 ? await res.json() : null;
      await ctx.dispose();
      return { status, body };
    };
    const anonymous = await call();
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
    for (const role of ROLES) {
      const { status, body } = await call(storageStateOf(role));
      if (allowed(role, access)) expect([401, 403], `${role} should pass`).not.toContain(status);
      else {
        expect(status, `${role} should be refused`).toBe(403);
        expect(body.error.code).toBe("forbidden");
      }
    }
  });
}

test("public routes answer without a session", async ({ baseURL }) => {
  const ctx = await request.newContext({ baseURL });
  expect((await ctx.get("/api/health")).status()).toBe(200);
  expect((await ctx.get("/api/auth/providers")).status()).toBe(200);
  expect((await ctx.get("/api/v1/openapi.json")).status()).toBe(200);
  await ctx.dispose();
});

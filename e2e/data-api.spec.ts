// The API as a token holder sees it: the OpenAPI document checked against the running app
// (every documented route answers with the documented shape, errors included), scopes (403),
// expired and revoked tokens (401), and the request log.
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import pg from "pg";
import type { Operation } from "../lib/api/openapi/operations";
import { OPERATIONS, tokenCanCall } from "../lib/api/openapi/operations";
import { storageStateOf, type RoleName } from "./roles";

type Doc = { paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, { content: Record<string, { schema: object }> }> }>>; components: { schemas: object } };

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const session = (baseURL: string | undefined, role: RoleName) => request.newContext({ baseURL, storageState: storageStateOf(role) });
const bearer = (baseURL: string | undefined, token: string) => request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });

async function newToken(ctx: APIRequestContext, scopes: string[]): Promise<{ id: string; token: string }> {
  const res = await ctx.post("/api/v1/tokens", { data: { name: `e2e ${scopes.join(" ")}`, scopes, expiresInDays: 1 } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

const url = (op: Operation, query?: Record<string, string>) =>
  `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, k: string) => op.example?.path?.[k] ?? "00000000-0000-4000-8000-000000000000")}${query ? `?${new URLSearchParams(query)}` : ""}`;

test.describe("the OpenAPI document against the running API", () => {
  let doc: Doc;
  let admin: APIRequestContext;
  let token: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    const anon = await request.newContext({ baseURL });
    const res = await anon.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    doc = await res.json();
    // Once per worker: a retried or second describe in the same worker finds it there.
    if (!ajv.getSchema("doc")) ajv.addSchema({ $id: "doc", components: doc.components });
    admin = await session(baseURL, "admin");
    // Every scope the documented operations need, and pii:read for the clear personal data.
    const scopes = new Set(OPERATIONS.filter(tokenCanCall).flatMap((o) => (o.access === "signed-in" ? [] : [o.access])));
    token = await bearer(baseURL, (await newToken(admin, [...scopes, "pii:read"])).token);
  });

  const check = async (op: Operation, status: number, res: { status(): number; headers(): Record<string, string>; json(): Promise<unknown>; text(): Promise<string> }) => {
    expect(res.status(), `${op.method} ${op.path}: ${await res.text()}`).toBe(status);
    const documented = doc.paths[op.path][op.method].responses[String(status)];
    expect(documented, `${op.method} ${op.path} documents ${status}`).toBeTruthy();
    const type = res.headers()["content-type"].split(";")[0];
    const media = Object.entries(documented.content).find(([t]) => t.split(";")[0] === type);
    expect(media, `${op.method} ${op.path} ${status} answers a documented type (${type})`).toBeTruthy();
    if (type !== "application/json") return;
    const schema = JSON.parse(JSON.stringify(media![1].schema).replaceAll('"#/components/', '"doc#/components/'));
    const validate = ajv.compile(schema);
    expect(validate(await res.json()), `${op.method} ${op.path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };

  test("documents exactly the operations of the registry", () => {
    expect(Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m} ${p}`)).sort()).toEqual(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
  });

  // Operations whose permission no token scope grants are called with the admin's session.
  for (const op of OPERATIONS.filter((o) => o.access !== "session")) {
    test(`${op.method.toUpperCase()} ${op.path}: success, 401 and 400 as documented`, async ({ baseURL }) => {
      const caller = tokenCanCall(op) ? token : admin;
      await check(op, op.ok.status, await caller.fetch(url(op, op.example?.query), { method: op.method }));
      const anon = await request.newContext({ baseURL });
      await check(op, 401, await anon.fetch(url(op, op.example?.query), { method: op.method }));
      if (op.query) {
        const invalid = op.example?.invalid;
        expect(invalid, `${op.path} has an invalid example`).toBeTruthy();
        const res = await caller.fetch(url(op, { ...op.example?.query, ...invalid }), { method: op.method });
        await check(op, 400, res);
        const body = (await res.json()) as { error: { details: { parameter: string }[] } };
        expect(body.error.details.map((d) => d.parameter)).toContain(Object.keys(invalid!)[0]);
      }
      if (op.pathParams) await check(op, 404, await caller.fetch(url({ ...op, example: { path: { id: "no-such-thing" } } }), { method: op.method }));
    });
  }

  test("the session-only token routes answer as documented", async () => {
    const [list, create, revoke] = ["get /tokens", "post /tokens", "delete /tokens/{id}"].map((k) => OPERATIONS.find((o) => `${o.method} ${o.path}` === k)!);
    const created = await admin.post("/api/v1/tokens", { data: { name: "doc check", scopes: ["kpi:read"] } });
    await check(create, 201, created);
    const { id } = (await (await admin.post("/api/v1/tokens", { data: { name: "doc check 2", scopes: ["kpi:read"] } })).json()) as { id: string };
    await check(list, 200, await admin.get("/api/v1/tokens"));
    await check(revoke, 200, await admin.delete(`/api/v1/tokens/${id}`));
    await check(create, 400, await admin.post("/api/v1/tokens", { data: { name: "", scopes: [] } }));
  });

  test("a Parquet download is a Parquet file", async () => {
    const res = await token.get("/api/v1/datasets/products/download?format=parquet");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/vnd.apache.parquet");
    const body = await res.body();
    expect([body.subarray(0, 4).toString(), body.subarray(-4).toString()]).toEqual(["PAR1", "PAR1"]);
  });
});

test.describe("token scopes, expiry, revocation and log", () => {
  test("a token without the scope gets 403; with it, the data", async ({ baseURL }) => {
    const admin = await session(baseURL, "admin");
    const kpiOnly = await bearer(baseURL, (await newToken(admin, ["kpi:read"])).token);
    expect((await kpiOnly.get("/api/v1/kpis")).status()).toBe(200);
    for (const path of ["/api/v1/datasets", "/api/v1/datasets/orders", "/api/v1/datasets/orders/download"]) {
      const res = await kpiOnly.get(path);
      expect(res.status(), path).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("datasets:read") });
    }
    const datasets = await bearer(baseURL, (await newToken(admin, ["datasets:read"])).token);
    expect((await datasets.get("/api/v1/datasets")).status()).toBe(200);
    expect((await datasets.get("/api/v1/kpis")).status()).toBe(403);
    // Clear personal data needs the pii:read scope too, even for an admin's token.
    const pii = await datasets.get("/api/v1/datasets/customers/download?pii=true");
    expect(pii.status()).toBe(403);
    expect((await pii.json()).error.message).toContain("pii:read");
    const csv = await datasets.get("/api/v1/datasets/customers/download");
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\n")[0]).toBe("customer_id,email_hash,email_domain,country,city,created_at,marketing_opt_in,erased");
  });

  test("an analyst cannot mint a pii:read token, and analysts' tokens read datasets", async ({ baseURL }) => {
    const analyst = await session(baseURL, "analyst");
    const refused = await analyst.post("/api/v1/tokens", { data: { name: "x", scopes: ["pii:read"] } });
    expect(refused.status()).toBe(403);
    const t = await bearer(baseURL, (await newToken(analyst, ["datasets:read"])).token);
    expect((await t.get("/api/v1/datasets/sales_daily/download?format=csv&from=2026-01-01&to=2026-01-31")).status()).toBe(200);
    const undated = await t.get("/api/v1/datasets/products/download?from=2026-01-01&to=2026-01-31");
    expect(undated.status()).toBe(400);
    expect((await undated.json()).error.details).toEqual([{ parameter: "from", message: "the products dataset has no date column" }]);
  });

  test("expired and revoked tokens get 401; token calls are logged", async ({ baseURL }) => {
    const admin = await session(baseURL, "admin");
    const expiring = await newToken(admin, ["kpi:read"]);
    const revoked = await newToken(admin, ["kpi:read"]);
    const a = await bearer(baseURL, expiring.token);
    const b = await bearer(baseURL, revoked.token);
    expect((await a.get("/api/v1/kpis")).status()).toBe(200);
    expect((await a.get("/api/v1/datasets")).status()).toBe(403);
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const log = await db.query("SELECT method, path, status FROM api_request WHERE token_id = $1 ORDER BY id", [expiring.id]);
      expect(log.rows).toEqual([{ method: "GET", path: "/api/v1/kpis", status: 200 }, { method: "GET", path: "/api/v1/datasets", status: 403 }]);
      await db.query("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1", [expiring.id]);
    } finally {
      await db.end();
    }
    const expired = await a.get("/api/v1/kpis");
    expect(expired.status()).toBe(401);
    expect((await expired.json()).error.code).toBe("unauthenticated");
    expect((await b.get("/api/v1/kpis")).status()).toBe(200);
    expect((await admin.delete(`/api/v1/tokens/${revoked.id}`)).status()).toBe(200);
    expect((await b.get("/api/v1/kpis")).status()).toBe(401);
    // A token cannot manage tokens.
    expect((await b.get("/api/v1/tokens")).status()).toBe(401);
  });
});

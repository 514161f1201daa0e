// The generated document: every documented operation has a route handler exporting its method,
// every route method is documented or listed as left out, and the parameters come from the very
// schemas the handlers parse with.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_DIR, routeHandlers } from "../../../scripts/test/route-handlers";
import { buildOpenApi } from "./build-openapi";
import { UNDOCUMENTED } from "./operations";

const doc = buildOpenApi();
const routeFile = (p: string) => path.join(API_DIR, "v1", p.replace(/\{(\w+)\}/g, "[$1]").slice(1), "route.ts");

/** "get /kpis/{id}" for each method exported by a /api/v1 route handler but the document's own. */
const routeMethods = () =>
  routeHandlers()
    .filter((h) => h.route.startsWith("v1/") && h.route !== "v1/openapi.json")
    .flatMap((h) => h.methods.map((m) => `${m.toLowerCase()} ${h.route.slice(2).replace(/\[(\w+)\]/g, "{$1}")}`));

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents only handlers that exist", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [p, methods] of Object.entries(doc.paths)) {
      expect(existsSync(routeFile(p)), p).toBe(true);
      for (const m of Object.keys(methods)) expect(readFileSync(routeFile(p), "utf8"), `${m} ${p}`).toMatch(new RegExp(`export const ${m.toUpperCase()}\\b`));
    }
  });

  it("documents every route method or says why it is left out, never both", () => {
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`));
    const undocumented = UNDOCUMENTED.map((u) => `${u.method} ${u.path}`);
    expect(documented.filter((k) => undocumented.includes(k))).toEqual([]);
    expect(new Set(undocumented).size).toBe(undocumented.length);
    expect([...documented, ...undocumented].sort()).toEqual(routeMethods().sort());
    for (const u of UNDOCUMENTED) expect(u.why, `${u.method} ${u.path}`).not.toBe("");
  });

  it("names the download's query parameters with their defaults and allowed values", () => {
    const params = (doc.paths["/datasets/{id}/download"].get as { parameters: { name: string; in: string; required: boolean; schema: { enum?: string[]; default?: string } }[] }).parameters;
    expect(params.map((p) => [p.name, p.in, p.required])).toEqual([
      ["id", "path", true],
      ["format", "query", false],
      ["from", "query", false],
      ["to", "query", false],
      ["pii", "query", false],
    ]);
    expect(params[1].schema).toMatchObject({ enum: ["csv", "parquet"], default: "csv" });
    expect(params[0].schema.enum).toContain("customer_features");
  });

  it("shares one error shape and documents 401/403 on every operation", () => {
    for (const methods of Object.values(doc.paths))
      for (const op of Object.values(methods) as { responses: Record<string, unknown> }[]) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "403"]));
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"] });
  });
});

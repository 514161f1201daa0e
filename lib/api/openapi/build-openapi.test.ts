// The generated document: every documented operation has a route handler exporting its method,
// and the parameters come from the very schemas the handlers parse with.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./build-openapi";

const doc = buildOpenApi();
const routeFile = (p: string) => path.resolve(import.meta.dirname, "../../../app/api/v1", p.replace(/\{(\w+)\}/g, "[$1]").slice(1), "route.ts");

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents only handlers that exist", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [p, methods] of Object.entries(doc.paths)) {
      expect(existsSync(routeFile(p)), p).toBe(true);
      for (const m of Object.keys(methods)) expect(readFileSync(routeFile(p), "utf8"), `${m} ${p}`).toMatch(new RegExp(`export const ${m.toUpperCase()}\\b`));
    }
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

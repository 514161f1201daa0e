// The route handlers under app/api, read from the source tree: each route's folder (as Next
// names it, "v1/kpis/[id]") and the HTTP methods its route.ts exports. For the tests that hold
// every handler to a table (access, OpenAPI document).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const API_DIR = path.resolve(import.meta.dirname, "../../app/api");

export function routeHandlers(): { route: string; methods: Method[] }[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const source = readFileSync(path.join(API_DIR, file), "utf8");
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => (m[1] ?? m[2]) as Method);
      return { route: path.dirname(file).split(path.sep).join("/"), methods: [...new Set(methods)].sort() };
    });
}

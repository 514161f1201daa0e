// The OpenAPI 3.1 document of /api/v1, generated from the operations' zod schemas (JSON Schema
// 2020-12, OpenAPI 3.1's own dialect).
import { z } from "zod";
import { OPERATIONS, tokenCanCall, type Operation } from "./operations";
import { errorResponse } from "./response-schemas";

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; description?: string; [k: string]: unknown };

// Without the $schema line: OpenAPI 3.1 schemas are 2020-12 by default.
const toSchema = (s: z.ZodType, io: "input" | "output") => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any", reused: "inline" }) as JsonSchema;
  return rest;
};
const input = (s: z.ZodType) => toSchema(s, "input");
const output = (s: z.ZodType) => toSchema(s, "output");
const json = (schema: unknown) => ({ "application/json": { schema } });
const ERROR = { $ref: "#/components/schemas/Error" };
const ACCESS_TEXT: Record<string, string> = { session: "Signed-in browser session only: API tokens cannot call this.", "signed-in": "Any signed-in user or valid token." };
const permissionText = (op: Operation) =>
  tokenCanCall(op) ? `Needs the \`${op.access}\` permission (and scope, for a token).` : `Needs the \`${op.access}\` permission, which no token scope grants: signed-in session only.`;

function parameters(op: Operation) {
  const path = Object.entries(op.pathParams ?? {}).map(([name, s]) => ({ name, in: "path", required: true, schema: output(s) }));
  const q = op.query ? input(op.query) : null;
  const query = Object.entries(q?.properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: q?.required?.includes(name) ?? false, description: schema.description, schema }));
  return [...path, ...query];
}

function operation(op: Operation) {
  const ok = "schema" in op.ok ? { description: "Success", content: json(output(op.ok.schema)) } : { description: "The file", content: Object.fromEntries(op.ok.contentTypes.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])) };
  const errors: Record<string, { description: string; content: unknown }> = {
    "401": { description: "No session, or an invalid, expired or revoked token", content: json(ERROR) },
    "403": { description: "The role or the token's scopes lack the permission", content: json(ERROR) },
  };
  if (op.query || op.body) errors["400"] = { description: "Invalid parameters, each named in error.details", content: json(ERROR) };
  if (op.pathParams || op.notFound) errors["404"] = { description: "No such resource", content: json(ERROR) };
  if (tokenCanCall(op)) errors["429"] = { description: "Token rate limit reached (Retry-After header)", content: json(ERROR) };
  return {
    summary: op.summary,
    description: ACCESS_TEXT[op.access] ?? permissionText(op),
    "x-permission": op.access,
    ...(tokenCanCall(op) ? {} : { security: [{ session: [] }] }),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: json(input(op.body)) } } : {}),
    responses: { [String(op.ok.status)]: ok, ...errors },
  };
}

export function buildOpenApi(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "E-commerce analytics API",
      version: "1",
      description: "KPIs, datasets, forecasts, customer segments, alerts, pipeline runs, uploads and users of the platform. Authenticate with `Authorization: Bearer <token>` (create a personal token on the API tokens page) or a signed-in session. Errors are `{ error: { code, message, details? } }`; invalid parameters are named in `details`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Personal API token (eat_…), limited to its scopes" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { Error: output(errorResponse) },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof buildOpenApi>;

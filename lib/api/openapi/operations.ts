// The documented /api/v1 operations: each names the zod schemas that validate its input (the
// very ones the route handlers parse with) and describe its answers.
import { z } from "zod";
import { createTokenInput } from "../../auth/manage-tokens";
import type { Permission } from "../../auth/permissions";
import { datasetDownloadQuery } from "../../datasets/dataset-query";
import { CONTENT_TYPES } from "../../datasets/export-dataset";
import { DATASET_IDS } from "../../datasets/registry";
import { kpiQuerySchema } from "../../kpi/kpi-query";
import { KPIS } from "../../kpi/registry";
import * as R from "./response-schemas";

export type Operation = {
  method: "get" | "post" | "delete";
  path: string;
  summary: string;
  access: Permission | "signed-in" | "session";
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodType;
  body?: z.ZodType;
  ok: { status: number; schema: z.ZodType } | { status: number; contentTypes: string[] };
  /** Values the end-to-end check calls the operation with. */
  example?: { path?: Record<string, string>; query?: Record<string, string> };
};

const KPI_IDS = KPIS.map((k) => k.id) as [string, ...string[]];

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/me", summary: "Who is calling: identity, role and permissions", access: "signed-in", ok: { status: 200, schema: R.meResponse } },
  { method: "get", path: "/kpis", summary: "The KPI glossary", access: "kpi:read", ok: { status: 200, schema: R.kpiListResponse } },
  {
    method: "get",
    path: "/kpis/{id}",
    summary: "One KPI over a date range at a grain, optionally split by a dimension",
    access: "kpi:read",
    pathParams: { id: z.enum(KPI_IDS) },
    query: kpiQuerySchema(KPIS[0]),
    ok: { status: 200, schema: R.kpiSeriesResponse },
    example: { path: { id: "revenue" }, query: { from: "2026-10-01", to: "2026-10-31", grain: "week", channel: "web" } },
  },
  { method: "get", path: "/datasets", summary: "The data catalogue", access: "datasets:read", ok: { status: 200, schema: R.datasetListResponse } },
  {
    method: "get",
    path: "/datasets/{id}",
    summary: "One dataset: columns, row count, freshness, quality",
    access: "datasets:read",
    pathParams: { id: z.enum(DATASET_IDS) },
    ok: { status: 200, schema: R.datasetResponse },
    example: { path: { id: "orders" } },
  },
  {
    method: "get",
    path: "/datasets/{id}/download",
    summary: "A dataset as a streamed CSV or Parquet file, optionally for a date range",
    access: "datasets:read",
    pathParams: { id: z.enum(DATASET_IDS) },
    query: datasetDownloadQuery,
    ok: { status: 200, contentTypes: Object.values(CONTENT_TYPES) },
    example: { path: { id: "order_lines" }, query: { format: "csv", from: "2026-10-01", to: "2026-10-31" } },
  },
  { method: "get", path: "/tokens", summary: "Your API tokens (signed-in session only)", access: "session", ok: { status: 200, schema: R.tokenListResponse } },
  { method: "post", path: "/tokens", summary: "Create an API token; the answer shows it once (signed-in session only)", access: "session", body: createTokenInput, ok: { status: 201, schema: R.tokenCreatedResponse } },
  {
    method: "delete",
    path: "/tokens/{id}",
    summary: "Revoke one of your tokens (signed-in session only)",
    access: "session",
    pathParams: { id: z.uuid() },
    ok: { status: 200, schema: R.tokenRevokedResponse },
  },
];

// The documented /api/v1 operations: each names the zod schemas that validate its input (the
// very ones the route handlers parse with) and describe its answers.
import { z } from "zod";
import { alertListQuery } from "../../alerts/list-alerts";
import { TOKEN_SCOPES } from "../../auth/api-tokens";
import { createTokenInput } from "../../auth/manage-tokens";
import type { Permission } from "../../auth/permissions";
import { forecastQuerySchema, limitSchema } from "../../data/forecasts/forecast-params";
import { datasetDownloadQuery } from "../../datasets/dataset-query";
import { CONTENT_TYPES } from "../../datasets/export-dataset";
import { DATASET_IDS } from "../../datasets/registry";
import { kpiQuerySchema } from "../../kpi/kpi-query";
import { KPIS } from "../../kpi/registry";
import { runListQuery } from "../../pipeline/runs/run-request";
import { cohortsQuery, segmentMonthQuery } from "../../segments/segment-query";
import { SEGMENTS } from "../../segments/segment-rules";
import { NUMERIC_ID } from "../parse-id";
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
  /** Answers 404 without a path parameter too (nothing stored for the query). */
  notFound?: true;
  /** Values the end-to-end check calls the operation with; `invalid`, query values it must refuse (400 naming the first). */
  example?: { path?: Record<string, string>; query?: Record<string, string>; invalid?: Record<string, string> };
};

/** Whether an API token can call it: a token holds only TOKEN_SCOPES, so the other permissions need a session. */
export const tokenCanCall = (op: Operation) => op.access === "signed-in" || (TOKEN_SCOPES as readonly string[]).includes(op.access);

const KPI_IDS = KPIS.map((k) => k.id) as [string, ...string[]];
const numericId = z.string().regex(NUMERIC_ID);
const CSV = { status: 200, contentTypes: ["text/csv"] };

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
    example: { path: { id: "revenue" }, query: { from: "2026-08-01", to: "2026-08-31", grain: "week", channel: "web" }, invalid: { from: "2026-13-45" } },
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
    example: { path: { id: "order_lines" }, query: { format: "csv", from: "2026-08-01", to: "2026-08-31" }, invalid: { from: "2026-13-45" } },
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
  { method: "get", path: "/me/notifications", summary: "Your notification choices", access: "signed-in", ok: { status: 200, schema: R.notificationsResponse } },
  { method: "get", path: "/forecasts", summary: "Every stored forecast: totals over the next 7, 30 and 90 days, with its accuracy", access: "forecasts:view", ok: { status: 200, schema: R.forecastSummaryResponse } },
  {
    method: "get",
    path: "/forecasts/series",
    summary: "One forecast series (revenue or units, total or a category): recent days, forecast with 80% and 95% bands, accuracy",
    access: "forecasts:view",
    query: forecastQuerySchema,
    ok: { status: 200, schema: R.forecastSeriesResponse },
    notFound: true,
    example: { query: { metric: "units", scope: "total", horizon: "7", historyDays: "30" }, invalid: { horizon: "8" } },
  },
  {
    method: "get",
    path: "/forecasts/days-of-cover",
    summary: "How many days each active product's stock lasts at forecast demand, lowest first",
    access: "forecasts:view",
    query: limitSchema,
    ok: { status: 200, schema: R.daysOfCoverResponse },
    example: { query: { limit: "20" }, invalid: { limit: "0" } },
  },
  {
    method: "get",
    path: "/forecasts/promotions",
    summary: "Each promotion's measured uplift on its scope's units, most recent first",
    access: "forecasts:view",
    query: limitSchema,
    ok: { status: 200, schema: R.promotionsResponse },
    example: { query: { limit: "20" }, invalid: { limit: "0" } },
  },
  {
    method: "get",
    path: "/segments",
    summary: "RFM segments of one month-end snapshot: rules, customers and revenue per segment, movement from the month before",
    access: "segments:view",
    query: segmentMonthQuery,
    ok: { status: 200, schema: R.segmentsResponse },
    example: { query: { month: "2026-08-01" }, invalid: { month: "2026-08-15" } },
  },
  {
    method: "get",
    path: "/segments/cohorts",
    summary: "Monthly acquisition cohorts: size, retention and cumulative revenue per customer by month since acquisition",
    access: "segments:view",
    query: cohortsQuery,
    ok: { status: 200, schema: R.cohortsResponse },
    example: { query: { last: "6" }, invalid: { last: "0" } },
  },
  {
    method: "get",
    path: "/segments/{segment}/customers",
    summary: "A segment's customers as a streamed CSV: pseudonymous keys and RFM figures, clear email and name with pii:read",
    access: "segments:export",
    pathParams: { segment: z.enum(SEGMENTS) },
    query: segmentMonthQuery,
    ok: CSV,
    example: { path: { segment: "champions" }, query: { month: "2026-08-01" }, invalid: { month: "2026-08-15" } },
  },
  {
    method: "get",
    path: "/alerts",
    summary: "The alerts your role may see (stock: supply chain; anomalies: KPI readers), newest first",
    access: "signed-in",
    query: alertListQuery,
    ok: { status: 200, schema: R.alertListResponse },
    example: { query: { limit: "50" }, invalid: { status: "closed" } },
  },
  { method: "get", path: "/alert-thresholds", summary: "The admin-set anomaly thresholds and the defaults per metric", access: "thresholds:manage", ok: { status: 200, schema: R.thresholdsResponse } },
  {
    method: "get",
    path: "/pipeline/runs",
    summary: "The latest pipeline runs with their steps and durations",
    access: "pipeline:run",
    query: runListQuery,
    ok: { status: 200, schema: R.runListResponse },
    example: { query: { limit: "5" }, invalid: { limit: "0" } },
  },
  {
    method: "get",
    path: "/pipeline/runs/{id}",
    summary: "One pipeline run: steps, data-quality results, rows quarantined from its files",
    access: "pipeline:run",
    pathParams: { id: numericId },
    ok: { status: 200, schema: R.runResponse },
    // The run that loaded the e2e dataset.
    example: { path: { id: "1" } },
  },
  { method: "get", path: "/uploads", summary: "The latest received files", access: "uploads:write", ok: { status: 200, schema: R.uploadListResponse } },
  {
    method: "get",
    path: "/uploads/{id}",
    summary: "One received file: status, counts, first rejected lines",
    access: "uploads:write",
    pathParams: { id: numericId },
    ok: { status: 200, schema: R.uploadResponse },
    // The first file of the e2e dataset.
    example: { path: { id: "1" } },
  },
  {
    method: "get",
    path: "/uploads/{id}/rejects",
    summary: "A received file's rejected rows as a streamed CSV (line, field, value, reason, raw)",
    access: "uploads:write",
    pathParams: { id: numericId },
    ok: CSV,
    example: { path: { id: "1" } },
  },
  { method: "get", path: "/users", summary: "The user accounts", access: "users:manage", ok: { status: 200, schema: R.userListResponse } },
];

/** Route methods left out of the document, and why: the end-to-end check calls every documented operation. */
export const UNDOCUMENTED: { method: "post" | "put" | "patch" | "delete"; path: string; why: string }[] = [
  { method: "put", path: "/me/notifications", why: "changes the caller's digest choice; documented later" },
  { method: "post", path: "/alerts/{id}/acknowledge", why: "changes an alert's status; documented later" },
  { method: "post", path: "/alerts/{id}/resolve", why: "changes an alert's status; documented later" },
  { method: "put", path: "/alert-thresholds", why: "changes what the next run raises; documented later" },
  { method: "delete", path: "/alert-thresholds", why: "changes what the next run raises; documented later" },
  { method: "post", path: "/pipeline/runs", why: "starts a pipeline run, which rewrites silver and gold; documented later" },
  { method: "post", path: "/uploads", why: "multipart upload that loads the file and starts a run; answers NDJSON progress on request" },
  { method: "post", path: "/uploads/preview", why: "multipart upload (stores nothing); documented later" },
  { method: "put", path: "/mappings", why: "saves a column mapping later uploads are read with; documented later" },
  { method: "post", path: "/users", why: "creates an account; documented later" },
  { method: "patch", path: "/users/{id}", why: "changes an account's role, name or active flag; documented later" },
  { method: "post", path: "/customers/{id}/erase", why: "erases a customer's personal data for good (session only); documented later" },
];

// The JSON shapes the API answers, declared once: the OpenAPI document is generated from them
// and the end-to-end test checks the running API against that document.
import { z } from "zod";
import { ALERT_KINDS } from "../../alerts/alert-visibility";
import { thresholdKey, WATCHED_METRICS } from "../../alerts/manage-thresholds";
import { COLUMN_TYPES } from "../../datasets/dataset-types";
import { PERMISSIONS, ROLES } from "../../auth/permissions";
import { TOKEN_SCOPES } from "../../auth/api-tokens";
import { forecastMetric } from "../../data/forecasts/forecast-params";
import { AlertDirection, AlertStatus, IngestChannel, IngestStatus, RunStatus } from "../../generated/prisma/enums";
import { SOURCES } from "../../pipeline/contracts";
import { SEGMENTS } from "../../segments/segment-rules";

const text = z.object({ fr: z.string(), en: z.string() });
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/).describe("Decimal number as a string (exact)");
const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });
// Database ids and 64-bit counts: strings, a JSON number cannot hold every bigint.
const int64 = z.string().regex(/^\d+$/).describe("64-bit integer as a string");

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code: unauthenticated, forbidden, not_found, invalid_parameters, invalid_json, rate_limited…"),
      message: z.string().describe("What went wrong, for a human"),
      details: z.unknown().optional().describe("invalid_parameters: [{ parameter, message }]"),
    }),
  });

export const meResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(["fr", "en"]),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export const kpiListResponse = z.object({
  kpis: z.array(z.object({ id: z.string(), label: text, definition: text, unit: z.enum(["eur", "count", "ratio"]), dimensions: z.array(z.enum(["category", "product", "channel"])) })),
});

export const kpiSeriesResponse = z.object({
  kpi: z.string(),
  unit: z.enum(["eur", "count", "ratio"]),
  grain: z.enum(["day", "week", "month"]),
  from: day,
  to: day,
  by: z.enum(["category", "product", "channel"]).nullable(),
  filter: z.object({ category: z.string().nullable().optional(), channel: z.string().nullable().optional() }).describe("The filters applied (one the KPI cannot honour is absent)"),
  top: z.array(z.object({ key: z.string(), value: decimal.nullable() })).optional(),
  series: z.array(z.object({ period: z.string(), value: decimal.nullable(), key: z.string().optional() })),
  total: decimal.nullable(),
  previous: z.object({ from: day, to: day, total: decimal.nullable() }),
});

export const datasetResponse = z
  .object({
    id: z.string(),
    layer: z.enum(["silver", "gold"]),
    title: text,
    description: text,
    dateFilter: z.boolean().describe("Whether from/to filter this dataset"),
    columns: z.array(z.object({ name: z.string(), type: z.enum(COLUMN_TYPES), description: z.string(), pii: z.boolean() })),
    rowCount: z.int().min(0),
    rowCountEstimated: z.boolean(),
    dataUpTo: day.nullable().describe("Latest day in the data (dated datasets)"),
    refreshedAt: instant.nullable().describe("End of the latest finished pipeline run"),
    quality: z.object({ status: z.enum(["passed", "warning", "failed", "unknown"]), rulesChecked: z.int().min(0), rulesFailed: z.array(z.string()) }),
  });

export const datasetListResponse = z.object({ datasets: z.array(datasetResponse) });

const tokenFields = { id: z.uuid(), name: z.string(), scopes: z.array(z.enum(TOKEN_SCOPES)), createdAt: instant, expiresAt: instant.nullable() };

export const tokenListResponse = z.object({
  tokens: z.array(z.object({ ...tokenFields, revokedAt: instant.nullable(), lastUsedAt: instant.nullable() })),
});

export const tokenCreatedResponse = z.object({ ...tokenFields, token: z.string().describe("The token itself: shown this once, only its hash is stored") });

export const tokenRevokedResponse = z.object({ revoked: z.literal(true) });

export const notificationsResponse = z.object({ dailyDigest: z.boolean().describe("Whether the morning digest email is sent to the caller") });

export const forecastSummaryResponse = z.object({
  forecasts: z.array(
    z.object({
      metric: forecastMetric,
      scope: z.string().describe("total or a category"),
      next7: decimal,
      next30: decimal,
      next90: decimal,
      mase7: decimal.nullable(),
      naiveMase7: decimal.nullable(),
      mase30: decimal.nullable(),
      naiveMase30: decimal.nullable(),
      coverage80: decimal.nullable(),
    }),
  ),
});

export const forecastSeriesResponse = z.object({
  metric: forecastMetric,
  scope: z.string(),
  horizon: z.int(),
  historyDays: z.int(),
  history: z.array(z.object({ day, value: decimal })),
  forecast: z.array(z.object({ day, point: decimal, lower80: decimal, upper80: decimal, lower95: decimal, upper95: decimal })),
  accuracy: z
    .object({ lastActualDay: day, historyDays: z.int(), origins: z.int(), mase7: decimal, naiveMase7: decimal, mase30: decimal, naiveMase30: decimal, coverage80: decimal })
    .nullable()
    .describe("Backtest: MASE < 1 beats the seasonal-naive error, coverage80 should be near 0.8"),
});

export const daysOfCoverResponse = z.object({
  reorderSoonDays: z.int().describe("Below this many days of cover a product is to reorder soon"),
  products: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      category: z.string(),
      available: z.int(),
      stockDay: day,
      unitsLast28: z.int(),
      forecastUnits30: decimal,
      daysOfCover: z.int(),
      forecastDays: z.int(),
      coverCapped: z.boolean().describe("The stock outlasts the forecast: daysOfCover means that many or more"),
      reorderSoon: z.boolean(),
    }),
  ),
});

export const promotionsResponse = z.object({
  promotions: z.array(
    z.object({
      promoId: z.string(),
      name: z.string(),
      code: z.string(),
      scopeType: z.string(),
      scopeValue: z.string().nullable(),
      firstDay: day,
      lastDay: day,
      days: z.int(),
      actualUnits: z.int(),
      baselineUnits: decimal,
      uplift: decimal.describe("Actual ÷ counterfactual units (1.3 = +30%)"),
      lower95: decimal.nullable(),
      upper95: decimal.nullable(),
      placebos: z.int(),
    }),
  ),
});

const segment = z.enum(SEGMENTS);
const scoreRange = z.tuple([z.int(), z.int()]).optional();

export const segmentsResponse = z.object({
  rules: z.array(z.object({ segment, r: scoreRange, f: scoreRange, m: scoreRange })).describe("Read top to bottom, the first rule whose score ranges match names the segment"),
  summary: z.object({
    month: day.nullable(),
    asOf: day.nullable(),
    totalCustomers: z.int(),
    segments: z.array(z.object({ segment, customers: z.int(), share: decimal, revenue: decimal })),
  }),
  movement: z.object({ month: day.nullable(), previousMonth: day.nullable(), flows: z.array(z.object({ from: segment.nullable().describe("null: acquired during the month"), to: segment, customers: z.int() })) }),
});

export const cohortsResponse = z.object({
  cohorts: z.array(z.object({ cohortMonth: day, size: z.int(), cells: z.array(z.object({ k: z.int(), active: z.int(), retention: decimal, cumulativePerCustomer: decimal })) })),
});

const number = z.number().nullable();

export const alertListResponse = z.object({
  alerts: z.array(
    z.object({
      id: int64,
      kind: z.enum(ALERT_KINDS),
      status: z.enum(AlertStatus),
      day,
      metric: z.string().nullable(),
      scopeType: z.string(),
      scopeValue: z.string().nullable(),
      observed: decimal.nullable(),
      expected: decimal.nullable(),
      expectedLow: decimal.nullable(),
      expectedHigh: decimal.nullable(),
      context: z
        .object({
          direction: z.enum(["drop", "spike"]).optional(),
          score: z.number().optional(),
          series: z.array(z.object({ day, value: number, expected: number, low: number, high: number })).optional(),
          threshold: z.number().optional(),
          latestDay: day.optional(),
        })
        .nullable()
        .describe("Anomalies: direction, score and the chart around the day; stock alerts: latestDay and threshold"),
      createdAt: instant,
      acknowledgedAt: instant.nullable(),
      acknowledgedBy: z.string().nullable().describe("The user's name"),
      ackComment: z.string().nullable(),
      resolvedAt: instant.nullable(),
      resolvedBy: z.string().nullable().describe("The user's name; null with resolvedAt set: the pipeline resolved it"),
      resolveComment: z.string().nullable(),
    }),
  ),
});

const direction = z.enum(AlertDirection);

export const thresholdsResponse = z.object({
  // Read back from the table: empty fields are null, except minAbsChange, which is left out.
  rows: z.array(thresholdKey.extend({ sensitivity: number, minAbsChange: z.number().optional(), minRelChange: number, direction: direction.nullable(), minHistoryDays: z.int().nullable() })),
  defaults: z.record(z.enum(WATCHED_METRICS), z.object({ sensitivity: z.number(), minAbsChange: z.number(), minRelChange: z.number(), direction, minHistoryDays: z.int() })),
});

const source = z.enum(SOURCES).nullable().describe("The contract the file was read with; null when the file was refused before its source was known");
const runStatus = z.enum(RunStatus);
const elapsed = z.int().min(0).describe("Milliseconds; elapsed so far while it runs");

const run = z.object({
  id: int64,
  trigger: z.string(),
  scope: z.object({ from: day.nullable(), to: day.nullable(), full: z.boolean() }),
  status: runStatus,
  startedAt: instant,
  finishedAt: instant.nullable(),
  durationMs: elapsed,
  qualityGate: z.string().nullable().describe("passed, failed or skipped; null before the quality step"),
  error: z.string().nullable(),
  steps: z.array(z.object({ id: int64, name: z.string(), status: runStatus, startedAt: instant, finishedAt: instant.nullable(), durationMs: elapsed, rowsIn: int64.nullable(), rowsOut: int64.nullable(), error: z.string().nullable() })),
});

export const runListResponse = z.object({ runs: z.array(run) });

export const runResponse = z.object({
  run: run.extend({
    quality: z.array(
      z.object({ ruleId: z.string(), description: z.string().nullable(), severity: z.enum(["error", "warning"]), passed: z.boolean(), failingRows: int64, details: z.string().nullable(), checkedAt: instant }),
    ),
  }),
  quarantine: z.object({
    runId: int64.nullable(),
    total: z.int().min(0).describe("Rejected rows in scope, of which rows are the latest"),
    rows: z.array(
      z.object({
        id: int64,
        fileId: int64,
        fileName: z.string(),
        source,
        lineNo: z.int(),
        field: z.string().nullable(),
        rule: z.string().nullable().describe("A silver rule id; null for a cell check at ingest"),
        reason: z.string(),
        raw: z.string().nullable().describe("The row as received, shortened; null without pii:read"),
      }),
    ),
  }),
});

const upload = z.object({
  id: int64,
  source,
  fileName: z.string(),
  sizeBytes: int64,
  channel: z.enum(IngestChannel),
  receivedAt: instant,
  finishedAt: instant.nullable(),
  status: z.enum(IngestStatus),
  duplicateOfId: int64.nullable(),
  rowsRead: z.int(),
  rowsLoaded: z.int(),
  rowsRejected: z.int(),
  bytesProcessed: int64,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  error: z.string().nullable(),
  receivedBy: z.object({ email: z.string() }).nullable(),
});

export const uploadListResponse = z.object({ uploads: z.array(upload) });

export const uploadResponse = upload.extend({
  errors: z.array(z.object({ line: z.int(), field: z.string().nullable(), reason: z.string() })).describe("The first 100 rejected lines"),
});

export const userListResponse = z.object({
  users: z.array(z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(ROLES), active: z.boolean(), locale: z.enum(["fr", "en"]), createdAt: instant, lastLoginAt: instant.nullable() })),
});

// The JSON shapes the API answers, declared once: the OpenAPI document is generated from them
// and the end-to-end test checks the running API against that document.
import { z } from "zod";
import { COLUMN_TYPES } from "../../datasets/dataset-types";
import { PERMISSIONS, ROLES } from "../../auth/permissions";
import { TOKEN_SCOPES } from "../../auth/api-tokens";

const text = z.object({ fr: z.string(), en: z.string() });
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/).describe("Decimal number as a string (exact)");
const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });

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

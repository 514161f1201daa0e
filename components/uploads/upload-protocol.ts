// Client side of POST /api/v1/uploads and POST /api/v1/uploads/preview: the shapes they answer
// with, a reader for the streamed NDJSON progress lines, and how progress maps onto one bar.

import type { IngestRequest, IngestResult } from "@/lib/pipeline/ingest/ingest-file";

// One definition of the shapes: the server's own types (type-only imports, erased from the bundle).
type Progress = Parameters<NonNullable<IngestRequest["onProgress"]>>[0];
export type UploadPhase = Progress["phase"];
export type UploadStatus = IngestResult["status"];
export type RowError = IngestResult["errors"][number];

export type ProgressLine = { type: "progress" } & Progress;
export type UploadResult = { type: "result" } & IngestResult;
export type ErrorLine = { type: "error"; message: string };
export type UploadLine = ProgressLine | UploadResult | ErrorLine;

/** The API's error body: { error: { code, message } }. */
export type ApiErrorBody = { error?: { code?: string; message?: string } };

export type ColumnInfo = { name: string; type: string; required: boolean; description: string };
export type PreviewRow = { line: number; values: Record<string, string | null>; issues: { field: string; reason: string }[] };
export type Mapping = Record<string, string | null>;
export type DecimalSeparator = "." | ",";
export type DateFormat = "iso" | "dmy";
export type PreviewResponse = {
  fileName: string;
  format: string;
  encoding: string;
  delimiter: string;
  header: string[];
  source: string | null;
  detectedSource: string | null;
  decimalSeparator: DecimalSeparator;
  dateFormat: DateFormat;
  savedMappingId: string | null;
  mapping: Mapping;
  columns: ColumnInfo[];
  preview: PreviewRow[];
  problem: { code: string; message: string } | null;
};

/** The preview endpoint only needs the start of the file. */
export const PREVIEW_BYTES = 256 * 1024;

/**
 * Reads the complete lines of a growing response text (XMLHttpRequest.responseText), each
 * line once. `end` also takes a last line that has no trailing newline.
 */
export class NdjsonReader {
  private offset = 0;

  read(text: string, end = false): UploadLine[] {
    const stop = end ? text.length : text.lastIndexOf("\n") + 1;
    if (stop <= this.offset) return [];
    const chunk = text.slice(this.offset, stop);
    this.offset = stop;
    const lines: UploadLine[] = [];
    for (const raw of chunk.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      try {
        const parsed = JSON.parse(line) as UploadLine;
        if (parsed && typeof parsed === "object" && "type" in parsed) lines.push(parsed);
      } catch {
        // A line that is not JSON (a proxy's error page…) is ignored; the caller reports a missing result.
      }
    }
    return lines;
  }
}

/**
 * One bar for the whole trip: 0–50 % while the browser sends the file, 50–100 % while the
 * server reads it (bytes processed of the "loading" phase). 100 % only once the result is in.
 */
export function uploadPercent(loaded: number, total: number): number {
  return total > 0 ? clamp((50 * loaded) / total, 0, 50) : 0;
}

export function processingPercent(line: ProgressLine): number {
  if (line.phase === "hashing") return 50;
  if (line.phase === "validating") return 99;
  const fraction = line.totalBytes > 0 ? line.bytes / line.totalBytes : 0;
  return clamp(50 + 50 * fraction, 50, 99);
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Only the mapped columns: the server reads a missing key as "not in this file". */
export function compactMapping(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => !!e[1]));
}

/** Required contract columns left unmapped. */
export function unmappedRequired(columns: readonly ColumnInfo[], mapping: Mapping): string[] {
  return columns.filter((c) => c.required && !mapping[c.name]).map((c) => c.name);
}

/** A file-level refusal the column mapping can fix (missing columns, unknown source). */
export function needsMapping(result: Pick<UploadResult, "status" | "message">): boolean {
  return result.status === "rejected" && /missing required|no known source|map its columns|unmapped/i.test(result.message ?? "");
}

export function apiErrorMessage(body: unknown): string | null {
  const message = (body as ApiErrorBody | null)?.error?.message;
  return typeof message === "string" && message ? message : null;
}

export { fill } from "@/lib/i18n/fill";


// Helpers for the generator's tests: read the exports back with a real CSV parser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export interface ParsedCsv {
  header: string[];
  /** Records keyed by column, with the physical line where each starts. */
  rows: { line: number; raw: Record<string, string> }[];
  /** Lines the parser rejected (wrong field count, broken quotes). */
  rejected: { line: number; message: string }[];
}

export function readCsv(file: string): ParsedCsv {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  const rejected: ParsedCsv["rejected"] = [];
  const records = parse(text, {
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) rejected.push({ line: Number(error.lines), message: error.message });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [first, ...rest] = records;
  const header = first.record;
  const rows = rest.map(({ record, info }) => ({ line: info.lines, raw: Object.fromEntries(header.map((h, i) => [h, record[i]])) }));
  return { header, rows, rejected };
}

/** Relative paths (source/file) of every export file, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.includes(".") && !f.endsWith("/"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

export function csvFilesOf(dir: string, source: string): string[] {
  return listFiles(dir).filter((f) => f.startsWith(`${source}/`) && f.endsWith(".csv") && !f.includes("_excel"));
}

/** NDJSON objects as raw contract rows (null -> ""), with their line numbers. */
export function readNdjson(file: string): { line: number; raw: Record<string, string> }[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((text, i) => {
      const obj = JSON.parse(text) as Record<string, string | null>;
      return { line: i + 1, raw: Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, v ?? ""])) };
    });
}

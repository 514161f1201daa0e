// Splits NDJSON into lines and frames each for COPY (text format) into bronze_web_events with its
// lineage: a line that is a plain object of string or null values, without \u escapes, goes in as
// its values, one column per contract field (so silver reads text cells, as for CSV, instead of
// parsing every line again); any other line, and any line with a rejected cell, goes in whole
// (column `line`) for the SQL to judge and unpack exactly like jsonb would (see `deferred`).
// Like CsvFramer, each input chunk is framed into one output buffer.
// With `checks`, each value is checked in JS (rules of invalidCellSql) while PostgreSQL inserts
// the previous chunk.
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import type { TextCheck } from "./cell-check";
import type { RejectedRecord } from "./csv-framer";

const LF = 0x0a;
const EMPTY = Buffer.alloc(0);
const NULL_CELL = "\\N";
// COPY text format: backslash, and the delimiter and line breaks it would otherwise read.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const BLANK = /^[ \t]*$/;
// Control characters other than tab, line feed, vertical tab, form feed and carriage return.
const CONTROL = /[\x00-\x08\x0e-\x1f]/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const escapeCell = (v: string) => (NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : v);

export type NdjsonFramerOptions = {
  fileId: bigint | number;
  onReject: (r: RejectedRecord) => void;
  /** The contract's fields, in the bronze table's column order (after `line`). */
  columns: readonly string[];
  checks?: readonly TextCheck[];
  /** A timestamp column whose first and last day (as written, YYYY-MM-DD) are tracked. */
  dayColumn?: string;
};

export class NdjsonFramer extends Transform {
  records = 0;
  bytesIn = 0;
  private carry: Buffer = EMPTY;
  private line = 1;
  private readonly head: Buffer;
  private readonly wholeLineTail: string;
  private out: Buffer = EMPTY;
  private outPos = 0;

  /** Lines stored whole that the SQL validation must check (see above). */
  readonly deferred: number[] = [];
  /** First and last day of `dayColumn` over the lines stored as values. */
  firstDay: string | null = null;
  lastDay: string | null = null;
  private readonly dayIndex: number;

  constructor(private readonly options: NdjsonFramerOptions) {
    super();
    this.head = Buffer.from(`${options.fileId}\t`, "latin1");
    this.wholeLineTail = `\t${NULL_CELL}`.repeat(options.columns.length);
    this.dayIndex = options.dayColumn ? options.columns.indexOf(options.dayColumn) : -1;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytesIn += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.startOut(data.length);
    let start = 0;
    for (let end = data.indexOf(LF); end >= 0; end = data.indexOf(LF, start)) {
      this.takeLine(data, start, end);
      start = end + 1;
    }
    this.carry = start < data.length ? Buffer.from(data.subarray(start)) : EMPTY;
    this.flushOut();
    done();
  }

  override _flush(done: TransformCallback) {
    if (this.carry.length) {
      this.startOut(this.carry.length);
      this.takeLine(this.carry, 0, this.carry.length);
      this.flushOut();
    }
    this.carry = EMPTY;
    done();
  }

  private startOut(inputBytes: number) {
    this.out = Buffer.allocUnsafeSlow(inputBytes + (inputBytes >> 2) + 256);
    this.outPos = 0;
  }

  private flushOut() {
    if (this.outPos) this.push(this.out.subarray(0, this.outPos));
    this.out = EMPTY;
    this.outPos = 0;
  }

  private takeLine(data: Buffer, start: number, end: number) {
    const line = this.line++;
    const bodyEnd = end > start && data[end - 1] === 0x0d ? end - 1 : end;
    // Regular expressions over the decoded line rather than a loop over its bytes: a third of
    // the framer's time went to that loop.
    const text = data.toString("utf8", start, bodyEnd);
    if (BLANK.test(text)) return;
    this.records++;
    const body = data.subarray(start, bodyEnd);
    const bad = CONTROL.test(text) ? "contains control characters (not valid JSON)" : !isUtf8(body) ? "not valid UTF-8" : null;
    if (bad) {
      this.options.onReject({ line, reason: bad, raw: bodyEnd - start > 2000 ? data.toString("utf8", start, start + 2000) : text });
      return;
    }
    const cells = this.cellsOf(text, line);
    // Each cell grows by at most its escapes (one byte each), the line number by 10 digits.
    this.reserve(this.head.length + 12 + 2 * body.length + 4 * this.options.columns.length + 1);
    let pos = this.outPos + this.head.copy(this.out, this.outPos);
    pos += this.out.write(`${line}\t`, pos, "latin1");
    if (cells) {
      if (this.dayIndex >= 0) this.trackDay(cells[this.dayIndex]);
      let row = NULL_CELL;
      for (const v of cells) row += v === null ? `\t${NULL_CELL}` : `\t${escapeCell(v)}`;
      pos += this.out.write(row, pos, "utf8");
    } else {
      pos += this.out.write(escapeCell(text) + this.wholeLineTail, pos, "utf8");
    }
    this.out[pos++] = LF;
    this.outPos = pos;
  }

  private trackDay(value: string | null) {
    if (value === null || !ISO_DAY.test(value)) return;
    const day = value.slice(0, 10);
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
  }

  private reserve(bytes: number) {
    if (this.outPos + bytes <= this.out.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.out.length * 2, this.outPos + bytes));
    this.out.copy(bigger, 0, 0, this.outPos);
    this.out = bigger;
  }

  /** The line's values in column order, checked; null when the line is to be stored whole. */
  private cellsOf(text: string, line: number): (string | null)[] | null {
    let value: unknown;
    try {
      value = text.includes("\\u") ? undefined : JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return this.defer(line);
    const object = value as Record<string, unknown>;
    const { columns, checks } = this.options;
    const cells: (string | null)[] = [];
    for (const name of columns) {
      const v = Object.hasOwn(object, name) ? object[name] : null;
      if (v !== null && typeof v !== "string") return this.defer(line);
      cells.push(v);
    }
    if (!checks) return cells;
    let rejected = false;
    for (let k = 0; k < cells.length; k++) {
      const reason = checks[k](cells[k]);
      if (reason !== null) {
        this.options.onReject({ line, field: columns[k], reason, raw: null });
        rejected = true;
      }
    }
    // A rejected line is kept whole: the rejects download shows it as received.
    return rejected ? null : cells;
  }

  private defer(line: number): null {
    this.deferred.push(line);
    return null;
  }
}

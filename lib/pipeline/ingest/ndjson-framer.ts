// Splits NDJSON into lines and frames each for COPY (text format) into bronze_web_events with its
// lineage: a line that is a plain object of string or null values, without \u escapes, goes in as
// its values, one column per contract field (so silver reads text cells, as for CSV, instead of
// parsing every line again); any other line, and any line with a rejected cell, goes in whole
// (column `line`) for the SQL to judge and unpack exactly like jsonb would (see `deferred`).
// Like CsvFramer, each input chunk is framed into one output buffer.
// With `checks`, each value is checked in JS (rules of invalidCellSql) while PostgreSQL inserts
// the previous chunk.
// Almost every line of an export is a flat object of plain ASCII strings (no escapes) or nulls:
// such a line is recognised by one pass over its bytes, and its values are checked and copied
// to the output as bytes, without JSON.parse, decoding nor re-encoding (scale-m web events with
// the checks: 91 MB/s with JSON.parse, 110 slicing strings, 143 on the bytes). Any other line
// takes the general path, JSON.parse and all, so both read a line the same way.
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import { sameBytes } from "./byte-matchers";
import { copyBytes, FRESH_BUFFERS, writeDigits, type OutputBuffers } from "./frame-bytes";
import type { CellCheck } from "./cell-check";
import type { RejectedRecord } from "./csv-framer";

const LF = 0x0a;
const EMPTY = Buffer.alloc(0);
const NULL_CELL = "\\N";
// COPY text format: backslash, and the delimiter and line breaks it would otherwise read.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
// Control characters other than tab, line feed, vertical tab, form feed and carriage return.
const CONTROL = /[\x00-\x08\x0e-\x1f]/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const [TAB, CR, SPACE, QUOTE, COMMA, COLON, BACKSLASH, OPEN, CLOSE, N_LETTER] = [0x09, 0x0d, 0x20, 0x22, 0x2c, 0x3a, 0x5c, 0x7b, 0x7d, 0x4e];
/** What scanPlain found in a line. */
const Shape = { Blank: 0, Plain: 1, Other: 2 } as const;
type Shape = (typeof Shape)[keyof typeof Shape];
const escapeCell = (v: string) => (NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : v);

export type NdjsonFramerOptions = {
  fileId: bigint | number;
  onReject: (r: RejectedRecord) => void;
  /** Output buffers (default: fresh ones). */
  buffers?: OutputBuffers;
  /** The contract's fields, in the bronze table's column order (after `line`). */
  columns: readonly string[];
  /** The columns' checks, on each value's bytes (a null value checked as an empty one). */
  checks?: readonly CellCheck[];
  /** A timestamp column whose first and last day (as written, YYYY-MM-DD) are tracked. */
  dayColumn?: string;
};

export class NdjsonFramer extends Transform {
  records = 0;
  bytesIn = 0;
  private carry: Buffer = EMPTY;
  private line = 1;
  private readonly head: string;
  private readonly headBytes: Buffer;
  /** The day (10 bytes) of the last plain value trackDaySpan decoded. */
  private lastSeenDay: Buffer = EMPTY;
  private readonly wholeLineTail: string;
  private out: Buffer = EMPTY;
  private outPos = 0;

  /** Lines stored whole that the SQL validation must check (see above). */
  readonly deferred: number[] = [];
  /** First and last day of `dayColumn` over the lines stored as values. */
  firstDay: string | null = null;
  lastDay: string | null = null;
  private readonly dayIndex: number;
  private readonly columnBytes: Buffer[];
  private readonly columnIndex: Map<string, number>;
  /** Value spans of the line scanPlain last read: start and end per column, -1 for null. */
  private readonly spans: Int32Array;

  private readonly buffers: OutputBuffers;

  constructor(private readonly options: NdjsonFramerOptions) {
    super();
    this.buffers = options.buffers ?? FRESH_BUFFERS;
    this.head = `${options.fileId}\t`;
    this.headBytes = Buffer.from(this.head, "latin1");
    this.wholeLineTail = `\t${NULL_CELL}`.repeat(options.columns.length);
    this.dayIndex = options.dayColumn ? options.columns.indexOf(options.dayColumn) : -1;
    this.columnBytes = options.columns.map((c) => Buffer.from(c, "utf8"));
    this.columnIndex = new Map(options.columns.map((c, i) => [c, i]));
    this.spans = new Int32Array(2 * options.columns.length);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytesIn += chunk.length;
    let start = 0;
    if (this.carry.length) {
      // Only the line the previous chunk began is joined up, not the whole chunk: a copy of
      // every chunk was gigabytes of short-lived memory at a first load.
      const end = chunk.indexOf(LF);
      const line = Buffer.concat([this.carry, end < 0 ? chunk : chunk.subarray(0, end)]);
      if (end < 0) {
        this.carry = line;
        return done();
      }
      this.startOut(line.length + chunk.length);
      this.takeLine(line, 0, line.length);
      start = end + 1;
    } else this.startOut(chunk.length);
    for (let end = chunk.indexOf(LF, start); end >= 0; end = chunk.indexOf(LF, start)) {
      this.takeLine(chunk, start, end);
      start = end + 1;
    }
    this.carry = start < chunk.length ? Buffer.from(chunk.subarray(start)) : EMPTY;
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
    this.out = this.buffers.allocate(inputBytes + (inputBytes >> 2) + 256);
    this.outPos = 0;
  }

  private flushOut() {
    if (this.outPos) this.push(this.out.subarray(0, this.outPos));
    else this.buffers.release(this.out); // nothing sent from it: reusable at once
    this.out = EMPTY;
    this.outPos = 0;
  }

  private takeLine(data: Buffer, start: number, end: number) {
    const line = this.line++;
    const bodyEnd = end > start && data[end - 1] === 0x0d ? end - 1 : end;
    const shape = this.scanPlain(data, start, bodyEnd);
    if (shape === Shape.Blank) return;
    this.records++;
    if (shape === Shape.Plain) return this.takePlain(data, start, bodyEnd, line);
    // The general path, on the decoded line.
    const text = data.toString("utf8", start, bodyEnd);
    const body = data.subarray(start, bodyEnd);
    const bad = CONTROL.test(text) ? "contains control characters (not valid JSON)" : !isUtf8(body) ? "not valid UTF-8" : null;
    if (bad) {
      this.options.onReject({ line, reason: bad, raw: bodyEnd - start > 2000 ? data.toString("utf8", start, start + 2000) : text });
      return;
    }
    const cells = this.cellsOf(text, line);
    if (!cells) return this.writeRow(line, body.length, escapeCell(text) + this.wholeLineTail, "utf8");
    this.writeCells(line, body.length, cells);
  }

  /** A plain line (see scanPlain): its values need neither decoding nor escaping, so their
   *  bytes are checked and copied as they are. */
  private takePlain(data: Buffer, start: number, end: number, line: number) {
    const { spans, options } = this;
    if (options.checks && this.rejectedSpans(data, line)) {
      // A rejected line goes in whole; it may hold tabs between its tokens.
      return this.writeRow(line, end - start, escapeCell(data.toString("latin1", start, end)) + this.wholeLineTail, "latin1");
    }
    if (this.dayIndex >= 0) this.trackDaySpan(data, spans[2 * this.dayIndex], spans[2 * this.dayIndex + 1]);
    // The values are parts of the line: the line's length bounds theirs.
    this.reserve(this.headBytes.length + 16 + (end - start) + 3 * options.columns.length);
    const out = this.out;
    let pos = copyBytes(this.headBytes, 0, this.headBytes.length, out, this.outPos);
    pos = writeDigits(out, pos, line);
    out[pos++] = TAB;
    out[pos++] = BACKSLASH;
    out[pos++] = N_LETTER;
    for (let k = 0; k < spans.length; k += 2) {
      out[pos++] = TAB;
      if (spans[k] < 0) {
        out[pos++] = BACKSLASH;
        out[pos++] = N_LETTER;
      } else pos = copyBytes(data, spans[k], spans[k + 1], out, pos);
    }
    out[pos++] = LF;
    this.outPos = pos;
  }

  /** Writes a line's cells (null: COPY's null marker), escaped for COPY. */
  private writeCells(line: number, bodyBytes: number, cells: (string | null)[]) {
    if (this.dayIndex >= 0) this.trackDay(cells[this.dayIndex]);
    let row = NULL_CELL;
    for (const v of cells) row += v === null ? `\t${NULL_CELL}` : `\t${escapeCell(v)}`;
    this.writeRow(line, bodyBytes, row, "utf8");
  }

  /** Writes file id, line number, then `row` (the line or its cells, tab-separated) and LF. */
  private writeRow(line: number, bodyBytes: number, row: string, encoding: "utf8" | "latin1") {
    // Each cell grows by at most its escapes (one byte each), the line number by 10 digits.
    this.reserve(this.head.length + 12 + 2 * bodyBytes + 4 * this.options.columns.length + 1);
    // One write: a native call per piece cost more than the concatenation.
    this.outPos += this.out.write(`${this.head}${line}\t${row}\n`, this.outPos, encoding);
  }

  /**
   * Blank (spaces and tabs only), Plain — an object whose members are all plain strings (ASCII,
   * no backslash, no control character) or null, with JSON's whitespace between tokens; its
   * columns' value spans are then in `spans` (a key given twice: the last, as JSON.parse) —, or
   * Other, for the general path.
   */
  private scanPlain(data: Buffer, start: number, end: number): Shape {
    let i = start;
    while (i < end && (data[i] === SPACE || data[i] === TAB)) i++;
    if (i === end) return Shape.Blank;
    if (data[i] !== OPEN) return Shape.Other;
    const { spans } = this;
    spans.fill(-1);
    let expected = 0;
    i = skipSpace(data, i + 1, end);
    if (i < end && data[i] === CLOSE) return skipSpace(data, i + 1, end) === end ? Shape.Plain : Shape.Other;
    for (;;) {
      if (i >= end || data[i] !== QUOTE) return Shape.Other;
      const keyStart = i + 1;
      const keyEnd = plainStringEnd(data, keyStart, end);
      if (keyEnd < 0) return Shape.Other;
      i = skipSpace(data, keyEnd + 1, end);
      if (i >= end || data[i] !== COLON) return Shape.Other;
      i = skipSpace(data, i + 1, end);
      let valueStart = -1;
      let valueEnd = -1;
      if (i < end && data[i] === QUOTE) {
        valueStart = i + 1;
        valueEnd = plainStringEnd(data, valueStart, end);
        if (valueEnd < 0) return Shape.Other;
        i = valueEnd + 1;
      } else if (end - i >= 4 && data[i] === 0x6e && data[i + 1] === 0x75 && data[i + 2] === 0x6c && data[i + 3] === 0x6c) i += 4; // null
      else return Shape.Other;
      // Keys come in the contract's order in practice: compared with the one expected next first.
      let column = expected < this.columnBytes.length && sameBytes(data, keyStart, keyEnd, this.columnBytes[expected]) ? expected : -1;
      if (column < 0) column = this.columnIndex.get(data.toString("latin1", keyStart, keyEnd)) ?? -1;
      if (column >= 0) {
        spans[2 * column] = valueStart;
        spans[2 * column + 1] = valueEnd;
        expected = column + 1;
      }
      i = skipSpace(data, i, end);
      if (i < end && data[i] === COMMA) {
        i = skipSpace(data, i + 1, end);
        continue;
      }
      if (i < end && data[i] === CLOSE) return skipSpace(data, i + 1, end) === end ? Shape.Plain : Shape.Other;
      return Shape.Other;
    }
  }

  /** trackDay for a plain value: only a day other than the last one seen is decoded. */
  private trackDaySpan(data: Buffer, from: number, to: number) {
    const seen = this.lastSeenDay;
    if (from < 0 || to - from < 10) return;
    let same = seen.length === 10;
    for (let k = 0; same && k < 10; k++) same = data[from + k] === seen[k];
    if (same) return;
    const value = data.toString("latin1", from, to);
    this.lastSeenDay = ISO_DAY.test(value) ? Buffer.from(value.slice(0, 10), "latin1") : EMPTY;
    this.trackDay(value);
  }

  private trackDay(value: string | null) {
    if (value === null || !ISO_DAY.test(value)) return;
    const day = value.slice(0, 10);
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
  }

  private reserve(bytes: number) {
    if (this.outPos + bytes <= this.out.length) return;
    const bigger = this.buffers.allocate(Math.max(this.out.length * 2, this.outPos + bytes));
    this.out.copy(bigger, 0, 0, this.outPos);
    this.buffers.release(this.out);
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
    const { columns } = this.options;
    const cells: (string | null)[] = [];
    for (const name of columns) {
      const v = Object.hasOwn(object, name) ? object[name] : null;
      if (v !== null && typeof v !== "string") return this.defer(line);
      cells.push(v);
    }
    // A rejected line is kept whole: the rejects download shows it as received.
    return this.rejected(cells, line) ? null : cells;
  }

  /** Checks decoded cells (with `checks`), reporting each rejected one; true if any was. */
  private rejected(cells: (string | null)[], line: number): boolean {
    const { checks } = this.options;
    if (!checks) return false;
    let rejected = false;
    for (let k = 0; k < cells.length; k++) {
      const value = cells[k] === null ? EMPTY : Buffer.from(cells[k]!, "utf8");
      rejected = this.report(line, k, checks[k](value, 0, value.length, false)) || rejected;
    }
    return rejected;
  }

  /** rejected() for a plain line, on its value spans (null and "" are alike to the checks). */
  private rejectedSpans(data: Buffer, line: number): boolean {
    const { spans } = this;
    const checks = this.options.checks!;
    let rejected = false;
    for (let k = 0; k < checks.length; k++) {
      const from = spans[2 * k];
      rejected = this.report(line, k, from < 0 ? checks[k](EMPTY, 0, 0, false) : checks[k](data, from, spans[2 * k + 1], false)) || rejected;
    }
    return rejected;
  }

  private report(line: number, k: number, reason: string | null): boolean {
    if (reason === null) return false;
    this.options.onReject({ line, field: this.options.columns[k], reason, raw: null });
    return true;
  }

  private defer(line: number): null {
    this.deferred.push(line);
    return null;
  }
}

/** First index at or after `i` that is not JSON whitespace (space, tab, CR; LF ends the line). */
function skipSpace(data: Buffer, i: number, end: number): number {
  while (i < end && (data[i] === SPACE || data[i] === TAB || data[i] === CR)) i++;
  return i;
}

/** Index of the quote closing a plain string that starts at `i`, or -1 if it is not plain
 *  (a backslash, a control character, a non-ASCII byte, or no closing quote on the line). */
function plainStringEnd(data: Buffer, i: number, end: number): number {
  for (; i < end; i++) {
    const b = data[i];
    if (b === QUOTE) return i;
    if (b < SPACE || b === BACKSLASH || b > 0x7e) return -1;
  }
  return -1;
}

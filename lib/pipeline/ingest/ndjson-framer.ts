// Splits NDJSON into lines and prefixes each with its lineage for COPY into bronze_web_events
// (one text column; JSON is checked and unpacked in SQL). COPY runs in CSV mode with control
// characters as quote and delimiter, which valid JSON never contains raw.
// Like CsvFramer, each input chunk is framed into one output buffer.
// With `cells`, the framer also checks each line's values in JS while PostgreSQL inserts the
// previous chunk (as CsvFramer does for CSV): a line that is a plain object of string or null
// values, without \u escapes, is checked here with the rules of invalidCellSql; any other line
// (not JSON for JSON.parse, not an object, a number, boolean or nested value, an escape that
// jsonb may treat differently) is left to the SQL validation, listed in `deferred`.
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import type { TextCheck } from "./cell-check";
import type { RejectedRecord } from "./csv-framer";

export const NDJSON_DELIMITER = "\u0002";
export const NDJSON_QUOTE = "\u0001";
const LF = 0x0a;
const DELIMITER = 0x02;
const EMPTY = Buffer.alloc(0);

export class NdjsonFramer extends Transform {
  records = 0;
  bytesIn = 0;
  private carry: Buffer = EMPTY;
  private line = 1;
  private readonly head: Buffer;
  private out: Buffer = EMPTY;
  private outPos = 0;

  /** Lines the SQL validation must check (see above); only with `cells`. */
  readonly deferred: number[] = [];

  constructor(private readonly options: { fileId: bigint | number; onReject: (r: RejectedRecord) => void; cells?: { names: readonly string[]; checks: readonly TextCheck[] } }) {
    super();
    this.head = Buffer.from(`${options.fileId}${NDJSON_DELIMITER}`, "latin1");
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
    let blank = true;
    let control = false;
    for (let i = start; i < bodyEnd; i++) {
      const b = data[i];
      if (b !== 0x20 && b !== 0x09) blank = false;
      if (b < 0x09 || (b > 0x0d && b < 0x20)) control = true;
    }
    if (blank) return;
    this.records++;
    const body = data.subarray(start, bodyEnd);
    const bad = control ? "contains control characters (not valid JSON)" : !isUtf8(body) ? "not valid UTF-8" : null;
    if (bad) {
      this.options.onReject({ line, reason: bad, raw: data.toString("utf8", start, Math.min(bodyEnd, start + 2000)) });
      return;
    }
    if (this.options.cells) this.checkCells(this.options.cells, body, line);
    const need = this.head.length + 12 + (bodyEnd - start) + 1;
    if (this.outPos + need > this.out.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.out.length * 2, this.outPos + need));
      this.out.copy(bigger, 0, 0, this.outPos);
      this.out = bigger;
    }
    const out = this.out;
    let pos = this.outPos + this.head.copy(out, this.outPos);
    pos += out.write(String(line), pos, "latin1");
    out[pos++] = DELIMITER;
    pos += data.copy(out, pos, start, bodyEnd);
    out[pos++] = LF;
    this.outPos = pos;
  }

  private checkCells(cells: NonNullable<(typeof this.options)["cells"]>, body: Buffer, line: number) {
    const text = body.toString("utf8");
    let value: unknown;
    try {
      value = text.includes("\\u") ? undefined : JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return void this.deferred.push(line);
    const object = value as Record<string, unknown>;
    const cellsOf: (string | null)[] = [];
    for (const name of cells.names) {
      const v = Object.hasOwn(object, name) ? object[name] : null;
      if (v !== null && typeof v !== "string") return void this.deferred.push(line);
      cellsOf.push(v);
    }
    for (let k = 0; k < cellsOf.length; k++) {
      const reason = cells.checks[k](cellsOf[k]);
      if (reason !== null) this.options.onReject({ line, field: cells.names[k], reason, raw: null });
    }
  }
}

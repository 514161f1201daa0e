// Splits a CSV byte stream into records without parsing values, at close to memcpy speed, and
// re-emits each good record prefixed with its lineage (file id, line number) for COPY into
// bronze. Records that COPY would choke on (wrong number of fields, broken quotes, invalid
// UTF-8, NUL bytes) are diverted with a reason instead of failing the whole file.
// Quote rules are PostgreSQL's CSV rules: a quote opens/closes a quoted section anywhere in a
// field, and "" inside quotes is a literal quote.
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";

export type RejectedRecord = { line: number; reason: string; raw: string };

export type FramerOptions = {
  fileId: bigint | number;
  delimiter: string;
  /** Number of fields every record must have (the header's). */
  fieldCount: number;
  /** Keep these field positions, in this order (null: keep all as they are). */
  projection: number[] | null;
  /** Line number of the first record of the stream (1 when it starts with the header). */
  firstLine: number;
  /** Drop the first record (the header) instead of loading it. */
  skipHeader?: boolean;
  onReject: (rejected: RejectedRecord) => void;
};

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
// A quoted section that grows past this is treated as an unbalanced quote, so one stray quote
// cannot swallow the rest of a large file into a single record.
const MAX_RECORD_BYTES = 1 << 20;
const RAW_KEEP = 2000;

export class CsvFramer extends Transform {
  records = 0;
  bytesIn = 0;
  private carry: Buffer = Buffer.alloc(0);
  private nextLine: number;
  private readonly delim: number;
  private readonly prefixDelim: string;
  private readonly starts: number[] = [];
  private readonly delimiterBytes: Buffer;
  private headerPending: boolean;

  constructor(private readonly options: FramerOptions) {
    super();
    this.nextLine = options.firstLine;
    this.delim = options.delimiter.charCodeAt(0);
    this.prefixDelim = options.delimiter;
    this.delimiterBytes = Buffer.from(options.delimiter, "latin1");
    this.headerPending = options.skipHeader ?? false;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytesIn += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const out: Buffer[] = [];
    let rest = data.subarray(this.frame(out, data, false));
    while (rest.length > MAX_RECORD_BYTES) rest = this.breakOversized(out, rest);
    this.carry = rest;
    this.flushOut(out);
    done();
  }

  override _flush(done: TransformCallback) {
    const out: Buffer[] = [];
    if (this.carry.length) this.frame(out, this.carry, true);
    this.carry = Buffer.alloc(0);
    this.flushOut(out);
    done();
  }

  private flushOut(out: Buffer[]) {
    if (out.length) this.push(out.length === 1 ? out[0] : Buffer.concat(out));
  }

  /** Frames the complete records of `data` into `out`; returns how many bytes were consumed. */
  private frame(out: Buffer[], data: Buffer, atEnd: boolean): number {
    const starts = this.starts;
    let start = 0;
    let inQuotes = false;
    let fields = 1;
    let lines = 1;
    starts.length = 0;
    starts.push(0);
    for (let i = 0; i < data.length; i++) {
      const byte = data[i];
      if (byte === QUOTE) {
        if (inQuotes && i + 1 === data.length && !atEnd) break; // a "" may straddle two chunks
        if (inQuotes && data[i + 1] === QUOTE) i++;
        else inQuotes = !inQuotes;
      } else if (inQuotes) {
        if (byte === LF) lines++;
      } else if (byte === this.delim) {
        fields++;
        starts.push(i + 1 - start);
      } else if (byte === LF) {
        this.takeRecord(out, data.subarray(start, i), fields, lines, false);
        start = i + 1;
        fields = 1;
        lines = 1;
        starts.length = 0;
        starts.push(0);
      }
    }
    if (atEnd && start < data.length) {
      this.takeRecord(out, data.subarray(start), fields, lines, inQuotes);
      start = data.length;
    }
    return start;
  }

  private takeRecord(out: Buffer[], record: Buffer, fields: number, lines: number, unterminated: boolean) {
    const line = this.nextLine;
    this.nextLine += lines;
    let body = record.length && record[record.length - 1] === CR ? record.subarray(0, -1) : record;
    if (body.length === 0 && lines === 1) return; // a blank line is not a row
    if (this.headerPending) {
      this.headerPending = false;
      return;
    }
    this.records++;
    const expected = this.options.fieldCount;
    if (unterminated || (lines > 1 && fields !== expected)) {
      const firstBreak = record.indexOf(LF);
      if (firstBreak < 0) return this.reject(line, "unterminated quoted field", body);
      // A quote opened and never closed on its line: reject that line only and re-read the rest.
      this.reject(line, UNBALANCED, record.subarray(0, firstBreak));
      this.nextLine = line + 1;
      this.frame(out, record.subarray(firstBreak + 1), true);
      return;
    }
    if (fields !== expected) return this.reject(line, `${fields} fields where the header has ${expected}`, body);
    if (body.includes(0)) return this.reject(line, "contains a NUL byte", body);
    if (!isUtf8(body)) return this.reject(line, "not valid UTF-8", body);
    if (this.options.projection) body = this.project(body);
    out.push(Buffer.from(`${this.options.fileId}${this.prefixDelim}${line}${this.prefixDelim}`, "latin1"), body, NEWLINE);
  }

  // Picks and reorders the kept fields, using the field offsets `frame` noted for this record.
  private project(body: Buffer): Buffer {
    const starts = this.starts;
    const parts: Buffer[] = [];
    this.options.projection!.forEach((position, k) => {
      const from = starts[position];
      const to = position + 1 < starts.length ? starts[position + 1] - 1 : body.length;
      if (k > 0) parts.push(this.delimiterBytes);
      parts.push(body.subarray(from, to));
    });
    return Buffer.concat(parts);
  }

  // The pending record is a quoted section that never ends: reject its first line, go on after it.
  private breakOversized(out: Buffer[], pending: Buffer): Buffer {
    const firstBreak = pending.indexOf(LF);
    this.records++;
    this.reject(this.nextLine, `${UNBALANCED} (or a record over 1 MiB)`, pending.subarray(0, firstBreak < 0 ? pending.length : firstBreak));
    this.nextLine++;
    if (firstBreak < 0) return Buffer.alloc(0);
    const rest = pending.subarray(firstBreak + 1);
    return rest.subarray(this.frame(out, rest, false));
  }

  private reject(line: number, reason: string, raw: Buffer) {
    this.options.onReject({ line, reason, raw: raw.subarray(0, RAW_KEEP).toString("utf8") });
  }
}

const UNBALANCED = "unbalanced quote: the line opens a quoted field it never closes";
const NEWLINE = Buffer.from("\n");

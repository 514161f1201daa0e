// Splits a CSV byte stream into records without parsing values, at close to memcpy speed, and
// re-emits each good record prefixed with its lineage (file id, line number) for COPY into
// bronze. Records that COPY would choke on (wrong number of fields, broken quotes, invalid
// UTF-8, NUL bytes) are diverted with a reason instead of failing the whole file. With `cells`,
// every loaded cell is also checked against its contract column while the bytes stream by (the
// row still goes to bronze as received; each bad cell is reported with its field).
// Quote rules are PostgreSQL's CSV rules: a quote opens/closes a quoted section anywhere in a
// field, and "" inside quotes is a literal quote.
// Hot path: each input chunk is framed into ONE output buffer (prefix digits written by hand,
// record bytes copied), UTF-8 and NUL are checked once per chunk (per record only when the
// chunk fails), and nothing is allocated per record.
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import type { CellCheck } from "./cell-check";
import { copyBytes, FRESH_BUFFERS, writeDigits, type OutputBuffers } from "./frame-bytes";

export type RejectedRecord = { line: number; reason: string; raw: string | null; field?: string | null };

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
  /**
   * Output for COPY: "csv" (the records as read, the default) or "text" (COPY's text format:
   * fields unquoted, \\ \\r \\n and the delimiter escaped, an unquoted empty field written \\N), which
   * the server parses faster. Both load the same values.
   */
  output?: "csv" | "text";
  /** Checks of the loaded columns, in load order, with the names reported as `field`. */
  cells?: { names: readonly string[]; checks: readonly CellCheck[] };
  onReject: (rejected: RejectedRecord) => void;
  /** Output buffers (default: fresh ones). */
  buffers?: OutputBuffers;
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;
// A quoted section that grows past this is treated as an unbalanced quote, so one stray quote
// cannot swallow the rest of a large file into a single record.
const MAX_RECORD_BYTES = 1 << 20;
const RAW_KEEP = 2000;
const EMPTY = Buffer.alloc(0);

export class CsvFramer extends Transform {
  records = 0;
  bytesIn = 0;
  private carry: Buffer = EMPTY;
  private nextLine: number;
  private readonly delim: number;
  private readonly text: boolean;
  /** `<fileId><delimiter>`, the constant start of every output record. */
  private readonly head: Buffer;
  /** Absolute offsets of the current record's fields (the first fieldCount + 1 of them). */
  private readonly starts: Int32Array;
  /** Per field position: the serial of the last record in which that field held a quote. */
  private readonly quotedAt: Int32Array;
  private serial = 0;
  private readonly maxFields: number;
  private headerPending: boolean;
  /** The region being framed failed the chunk-wide UTF-8/NUL check: check each record. */
  private checkEach = false;
  private out: Buffer = EMPTY;
  private outPos = 0;

  private readonly buffers: OutputBuffers;

  constructor(private readonly options: FramerOptions) {
    super();
    this.buffers = options.buffers ?? FRESH_BUFFERS;
    this.nextLine = options.firstLine;
    this.delim = options.delimiter.charCodeAt(0);
    this.text = options.output === "text";
    this.head = Buffer.from(`${options.fileId}${options.delimiter}`, "latin1");
    this.maxFields = options.fieldCount + 1;
    this.starts = new Int32Array(this.maxFields + 1);
    this.quotedAt = new Int32Array(this.maxFields + 1).fill(-1);
    this.headerPending = options.skipHeader ?? false;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytesIn += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.startOut(data.length);
    let rest = data.subarray(this.frame(data, false));
    while (rest.length > MAX_RECORD_BYTES) rest = this.breakOversized(rest);
    // Keep the partial record in a buffer of its own, not a view pinning the whole chunk.
    this.carry = rest.length ? Buffer.from(rest) : EMPTY;
    this.flushOut();
    done();
  }

  override _flush(done: TransformCallback) {
    if (this.carry.length) {
      this.startOut(this.carry.length);
      this.frame(this.carry, true);
      this.flushOut();
    }
    this.carry = EMPTY;
    done();
  }

  private startOut(inputBytes: number) {
    // Sized for frameUnquoted's bound (the usual path), which would otherwise grow it at once.
    this.out = this.buffers.allocate(this.outputBound(inputBytes));
    this.outPos = 0;
  }

  /**
   * Every kept record holds at least fieldCount bytes (its delimiters and line end), and the
   * text output at most triples a byte (an empty field's delimiter becomes \N + delimiter), so
   * this bounds what `inputBytes` of unquoted records become, whatever is kept; pages never
   * written cost no memory.
   */
  private outputBound(inputBytes: number): number {
    const prefixMax = this.head.length + 14;
    return (this.text ? 3 : 1) * inputBytes + (Math.floor(inputBytes / Math.max(1, this.options.fieldCount)) + 2) * prefixMax;
  }

  private ensure(bytes: number) {
    if (this.outPos + bytes <= this.out.length) return;
    const bigger = this.buffers.allocate(Math.max(this.out.length * 2, this.outPos + bytes));
    this.out.copy(bigger, 0, 0, this.outPos);
    this.buffers.release(this.out);
    this.out = bigger;
  }

  private flushOut() {
    if (this.outPos) this.push(this.out.subarray(0, this.outPos));
    else this.buffers.release(this.out); // nothing sent from it: reusable at once
    this.out = EMPTY;
    this.outPos = 0;
  }

  /** Frames the complete records of `data` into the output; returns how many bytes were consumed. */
  private frame(data: Buffer, atEnd: boolean): number {
    const outerCheckEach = this.checkEach;
    // A line break is always a character boundary, so the region up to the last one is valid
    // UTF-8 without NUL exactly when every record framed from it is.
    const regionEnd = atEnd ? data.length : data.lastIndexOf(LF) + 1;
    const region = data.subarray(0, regionEnd);
    this.checkEach = regionEnd > 0 && (region.indexOf(0) >= 0 || !isUtf8(region));
    const starts = this.starts;
    const quotedAt = this.quotedAt;
    const maxFields = this.maxFields;
    const delim = this.delim;
    const length = data.length;
    let start = 0;
    let inQuotes = false;
    let fields = 1;
    let lines = 1;
    starts[0] = 0;
    if (this.options.projection === null && data.indexOf(QUOTE) < 0) {
      start = this.frameUnquoted(data, atEnd);
      this.checkEach = outerCheckEach;
      return start;
    }
    for (let i = 0; i < length; i++) {
      const byte = data[i];
      if (byte === QUOTE) {
        if (inQuotes && i + 1 === length && !atEnd) break; // a "" may straddle two chunks
        if (inQuotes && data[i + 1] === QUOTE) i++;
        else inQuotes = !inQuotes;
        if (fields <= maxFields) quotedAt[fields - 1] = this.serial;
      } else if (inQuotes) {
        if (byte === LF) lines++;
      } else if (byte === delim) {
        if (fields < maxFields) starts[fields] = i + 1;
        fields++;
      } else if (byte === LF) {
        this.takeRecord(data, start, i, fields, lines, false);
        start = i + 1;
        fields = 1;
        lines = 1;
        starts[0] = start;
      }
    }
    if (atEnd && start < length) {
      this.takeRecord(data, start, length, fields, lines, inQuotes);
      start = length;
    }
    this.checkEach = outerCheckEach;
    return start;
  }

  /**
   * frame() for a chunk without any quote and without projection (the usual case): one pass
   * that copies each record's bytes to the output while finding its fields, after writing its
   * prefix first; a record that is not kept (blank, header, wrong field count, bad bytes) is
   * taken back by rewinding the output.
   */
  private frameUnquoted(data: Buffer, atEnd: boolean): number {
    const starts = this.starts;
    const maxFields = this.maxFields;
    const delim = this.delim;
    const text = this.text;
    const length = data.length;
    this.ensure(this.outputBound(length));
    const out = this.out;
    let start = 0;
    let fields = 1;
    let fieldStart = 0;
    let recordOut = this.outPos;
    let pos = this.writePrefix(out, recordOut, this.nextLine);
    starts[0] = 0;
    for (let i = 0; i < length; i++) {
      const byte = data[i];
      if (byte === delim) {
        if (fields < maxFields) starts[fields] = i + 1;
        fields++;
        if (text && i === fieldStart) {
          out[pos++] = BACKSLASH;
          out[pos++] = 0x4e; // N
        }
        fieldStart = i + 1;
      } else if (byte === LF) {
        pos = this.keepUnquoted(data, start, i, fields, recordOut, pos);
        start = i + 1;
        fields = 1;
        fieldStart = start;
        starts[0] = start;
        recordOut = pos;
        pos = this.writePrefix(out, pos, this.nextLine);
        continue;
      } else if (text && (byte === BACKSLASH || byte === CR)) {
        out[pos++] = BACKSLASH;
        if (byte === CR) {
          out[pos++] = 0x72; // r
          continue;
        }
      }
      out[pos++] = byte;
    }
    if (atEnd && start < length) {
      pos = this.keepUnquoted(data, start, length, fields, recordOut, pos);
      recordOut = pos;
      start = length;
    }
    // The partial record at the end is framed again with the next chunk.
    this.outPos = recordOut;
    return start;
  }

  /** The record data[start, end) was copied to out[recordOut, pos) after its prefix: keep it or rewind. */
  private keepUnquoted(data: Buffer, start: number, end: number, fields: number, recordOut: number, pos: number): number {
    const serial = this.serial++;
    const line = this.nextLine++;
    const bodyEnd = end > start && data[end - 1] === CR ? end - 1 : end;
    if (bodyEnd === start) return recordOut; // a blank line is not a row
    if (this.headerPending) {
      this.headerPending = false;
      return recordOut;
    }
    this.records++;
    const expected = this.options.fieldCount;
    if (fields !== expected) {
      this.reject(line, `${fields} fields where the header has ${expected}`, data, start, bodyEnd);
      return recordOut;
    }
    if (this.checkEach) {
      const body = data.subarray(start, bodyEnd);
      if (body.indexOf(0) >= 0 || !isUtf8(body)) {
        this.reject(line, body.indexOf(0) >= 0 ? "contains a NUL byte" : "not valid UTF-8", data, start, bodyEnd);
        return recordOut;
      }
    }
    if (bodyEnd < end) pos -= this.text ? 2 : 1; // the CR of a CRLF
    if (this.text && bodyEnd === this.starts[fields - 1]) {
      this.out[pos++] = BACKSLASH;
      this.out[pos++] = 0x4e; // \N: the last field is empty
    }
    this.out[pos++] = LF;
    const cells = this.options.cells;
    if (cells) this.checkCells(cells, data, bodyEnd, fields, line, serial);
    return pos;
  }

  private writePrefix(out: Buffer, pos: number, line: number): number {
    const head = this.head;
    for (let k = 0; k < head.length; k++) out[pos++] = head[k];
    pos = writeDigits(out, pos, line);
    out[pos++] = this.delim;
    return pos;
  }

  private takeRecord(data: Buffer, start: number, end: number, fields: number, lines: number, unterminated: boolean) {
    const serial = this.serial++;
    const line = this.nextLine;
    this.nextLine += lines;
    const bodyEnd = end > start && data[end - 1] === CR ? end - 1 : end;
    if (bodyEnd === start && lines === 1) return; // a blank line is not a row
    if (this.headerPending) {
      this.headerPending = false;
      return;
    }
    this.records++;
    const expected = this.options.fieldCount;
    if (unterminated || (lines > 1 && fields !== expected)) {
      const firstBreak = data.indexOf(LF, start);
      if (firstBreak < 0 || firstBreak >= end) return this.reject(line, "unterminated quoted field", data, start, bodyEnd);
      // A quote opened and never closed on its line: reject that line only and re-read the rest.
      this.reject(line, UNBALANCED, data, start, firstBreak);
      this.nextLine = line + 1;
      this.frame(data.subarray(firstBreak + 1, end), true);
      return;
    }
    if (fields !== expected) return this.reject(line, `${fields} fields where the header has ${expected}`, data, start, bodyEnd);
    if (this.checkEach) {
      const body = data.subarray(start, bodyEnd);
      if (body.indexOf(0) >= 0) return this.reject(line, "contains a NUL byte", data, start, bodyEnd);
      if (!isUtf8(body)) return this.reject(line, "not valid UTF-8", data, start, bodyEnd);
    }
    this.writeRecord(data, start, bodyEnd, line, serial);
    const cells = this.options.cells;
    if (cells) this.checkCells(cells, data, bodyEnd, fields, line, serial);
  }

  private writeRecord(data: Buffer, start: number, bodyEnd: number, line: number, serial: number) {
    const head = this.head;
    // Text output at most doubles a byte, plus \N for empty fields.
    const room = head.length + 14 + (this.text ? 2 * (bodyEnd - start) + 3 * this.options.fieldCount : bodyEnd - start);
    if (this.outPos + room > this.out.length) this.ensure(room);
    const out = this.out;
    let pos = this.writePrefix(out, this.outPos, line);
    const projection = this.options.projection;
    if (projection === null && !this.text) pos = copyBytes(data, start, bodyEnd, out, pos);
    else {
      // Picks (and reorders) the kept fields, using the field offsets `frame` noted.
      const starts = this.starts;
      const fieldCount = this.options.fieldCount;
      const count = projection ? projection.length : fieldCount;
      for (let k = 0; k < count; k++) {
        const position = projection ? projection[k] : k;
        const from = starts[position];
        const to = position + 1 < fieldCount ? starts[position + 1] - 1 : bodyEnd;
        if (k > 0) out[pos++] = this.delim;
        pos = this.text ? this.writeTextField(data, from, to, this.quotedAt[position] === serial, pos) : copyBytes(data, from, to, out, pos);
      }
    }
    out[pos++] = LF;
    this.outPos = pos;
  }

  /** One CSV field as a COPY text-format field: unquoted, escaped; an unquoted empty field is \N. */
  private writeTextField(data: Buffer, from: number, to: number, quoted: boolean, pos: number): number {
    const out = this.out;
    if (from === to) {
      out[pos++] = BACKSLASH;
      out[pos++] = 0x4e;
      return pos;
    }
    const delim = this.delim;
    let inQuotes = false;
    for (let i = from; i < to; i++) {
      const byte = data[i];
      if (quoted && byte === QUOTE) {
        if (inQuotes && i + 1 < to && data[i + 1] === QUOTE) i++;
        else {
          inQuotes = !inQuotes;
          continue;
        }
      }
      if (byte === BACKSLASH || byte === delim) out[pos++] = BACKSLASH;
      else if (byte === LF || byte === CR) {
        out[pos++] = BACKSLASH;
        out[pos++] = byte === LF ? 0x6e : 0x72;
        continue;
      }
      out[pos++] = byte;
    }
    return pos;
  }

  private checkCells(cells: NonNullable<FramerOptions["cells"]>, data: Buffer, bodyEnd: number, fields: number, line: number, serial: number) {
    const { checks, names } = cells;
    const projection = this.options.projection;
    const starts = this.starts;
    for (let k = 0; k < checks.length; k++) {
      const position = projection ? projection[k] : k;
      const from = starts[position];
      const to = position + 1 < fields ? starts[position + 1] - 1 : bodyEnd;
      const reason = checks[k](data, from, to, this.quotedAt[position] === serial);
      if (reason !== null) this.options.onReject({ line, field: names[k], reason, raw: null });
    }
  }

  // The pending record is a quoted section that never ends: reject its first line, go on after it.
  private breakOversized(pending: Buffer): Buffer {
    const firstBreak = pending.indexOf(LF);
    this.records++;
    this.reject(this.nextLine, `${UNBALANCED} (or a record over 1 MiB)`, pending, 0, firstBreak < 0 ? pending.length : firstBreak);
    this.nextLine++;
    if (firstBreak < 0) return EMPTY;
    const rest = pending.subarray(firstBreak + 1);
    return rest.subarray(this.frame(rest, false));
  }

  private reject(line: number, reason: string, data: Buffer, from: number, to: number) {
    this.options.onReject({ line, reason, raw: data.toString("utf8", from, Math.min(to, from + RAW_KEEP)) });
  }
}

const UNBALANCED = "unbalanced quote: the line opens a quoted field it never closes";

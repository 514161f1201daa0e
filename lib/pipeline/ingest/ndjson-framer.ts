// Splits NDJSON into lines and prefixes each with its lineage for COPY into bronze_web_events
// (one text column; JSON is checked and unpacked in SQL). COPY runs in CSV mode with control
// characters as quote and delimiter, which valid JSON never contains raw.
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import type { RejectedRecord } from "./csv-framer";

export const NDJSON_DELIMITER = "\u0002";
export const NDJSON_QUOTE = "\u0001";
const LF = 0x0a;

export class NdjsonFramer extends Transform {
  records = 0;
  bytesIn = 0;
  private carry: Buffer = Buffer.alloc(0);
  private line = 1;

  constructor(private readonly options: { fileId: bigint | number; onReject: (r: RejectedRecord) => void }) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytesIn += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const out: Buffer[] = [];
    let start = 0;
    for (let end = data.indexOf(LF); end >= 0; end = data.indexOf(LF, start)) {
      this.takeLine(out, data.subarray(start, end));
      start = end + 1;
    }
    this.carry = data.subarray(start);
    if (out.length) this.push(Buffer.concat(out));
    done();
  }

  override _flush(done: TransformCallback) {
    const out: Buffer[] = [];
    if (this.carry.length) this.takeLine(out, this.carry);
    if (out.length) this.push(Buffer.concat(out));
    done();
  }

  private takeLine(out: Buffer[], raw: Buffer) {
    const line = this.line++;
    const body = raw.length && raw[raw.length - 1] === 0x0d ? raw.subarray(0, -1) : raw;
    if (!body.some((b) => b !== 0x20 && b !== 0x09)) return; // blank line
    this.records++;
    const bad = body.findIndex((b) => b < 0x09 || (b > 0x0d && b < 0x20)) >= 0 ? "contains control characters (not valid JSON)" : !isUtf8(body) ? "not valid UTF-8" : null;
    if (bad) {
      this.options.onReject({ line, reason: bad, raw: body.subarray(0, 2000).toString("utf8") });
      return;
    }
    out.push(Buffer.from(`${this.options.fileId}${NDJSON_DELIMITER}${line}${NDJSON_DELIMITER}`, "latin1"), body, Buffer.from("\n"));
  }
}

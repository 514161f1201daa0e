// Looks at the start of a file to learn how to read it: compression, encoding, format,
// delimiter, header and a few sample rows. Nothing is stored.
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { CONTRACTS, type AnyContract } from "../contracts";
import { READ_BUFFER_BYTES, withReadBuffers } from "./read-buffers";
import { StructuralError } from "./structural-error";

export type Sniffed = {
  compression: "gzip" | null;
  encoding: "utf-8" | "windows-1252";
  format: "csv" | "ndjson";
  delimiter: string;
  /** Header names as written in the file (BOM removed). */
  header: string[];
  /** Up to 20 records after the header, as raw strings (NDJSON: values as text). */
  sample: string[][];
};

const SAMPLE_BYTES = READ_BUFFER_BYTES;
// Lines of the sample read as text: the CSV sample parses 60, NDJSON's takes 21 non-blank ones.
const SAMPLE_LINES = 200;
const DELIMITERS = [",", ";", "\t", "|"];

export function sniffFile(path: string, fileName: string): Promise<Sniffed> {
  // Everything sniffed is text decoded from the sample: the shared buffer is not kept.
  return withReadBuffers(1, async ([buffer]) => {
    const head = await readHead(path, buffer);
    const compression = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b ? "gzip" : null;
    return sniffSample(compression ? await gunzippedHead(path, SAMPLE_BYTES) : head, compression, fileName);
  });
}

function sniffSample(bytes: Buffer, compression: Sniffed["compression"], fileName: string): Sniffed {
  const truncated = bytes.length === SAMPLE_BYTES; // measured before the BOM is removed, else a BOM file never counts as cut
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (isBlank(bytes)) throw new StructuralError("empty_file", `${fileName} is empty.`);
  if (looksBinary(bytes)) throw new StructuralError("binary_content", `${fileName} is not a text file (binary content); expected a CSV or NDJSON export.`);
  // Cut at the last complete line so a multi-byte character split by the sample is not blamed.
  const complete = truncated ? bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1) : bytes;
  const encoding = isUtf8(complete) ? "utf-8" : "windows-1252";
  // Only the first lines are read as text (header, delimiter, sample rows): decoding the whole
  // sample cost more than the rest of the sniffing for a drop folder of small files.
  const lines = firstLines(complete, SAMPLE_LINES);
  const text = encoding === "utf-8" ? lines.toString("utf8") : iconv.decode(lines, "win1252");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0).trim();
  if (firstLine.startsWith("{")) return { compression, encoding, ...sniffNdjson(text, fileName) };
  return { compression, encoding, format: "csv", ...sniffCsv(text, fileName) };
}

function sniffCsv(text: string, fileName: string) {
  const delimiter = pickDelimiter(text);
  const records = parseSample(text, delimiter);
  const [header, ...sample] = records;
  if (!header || header.length < 2) {
    throw new StructuralError("not_csv", `${fileName} does not look like a CSV export: no delimiter (, ; tab |) separates its first line into columns.`);
  }
  if (header.some((h) => !h.trim()) || header.filter(looksLikeData).length >= Math.ceil(header.length / 2)) {
    throw new StructuralError("no_header", `${fileName} has no header row: its first line holds values (${header.slice(0, 3).join(", ")}…), not column names.`);
  }
  return { delimiter, header: header.map((h) => h.trim()), sample: sample.slice(0, 20) };
}

function sniffNdjson(text: string, fileName: string) {
  const lines = text.split("\n").filter((l) => l.trim()).slice(0, 21);
  const objects: Record<string, unknown>[] = [];
  for (const line of lines) {
    try {
      objects.push(JSON.parse(line));
    } catch {
      if (objects.length === 0) throw new StructuralError("not_csv", `${fileName}: the first line starts like JSON but is not valid JSON.`);
    }
  }
  const header = Object.keys(objects[0] ?? {});
  const sample = objects.map((o) => header.map((k) => (o[k] === null || o[k] === undefined ? "" : String(o[k]))));
  return { format: "ndjson" as const, delimiter: "", header, sample };
}

function parseSample(text: string, delimiter: string): string[][] {
  // The text ends at a complete line (sniffFile cut a truncated sample at its last newline), so
  // the last line is a record too: a one-row file without a final newline has a sample.
  // Parse leniently: this is only a sample.
  const body = text.split("\n", 60).join("\n");
  try {
    return parse(body, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
  } catch {
    return body.split("\n").filter((l) => l.trim()).map((l) => l.replace(/\r$/, "").split(delimiter));
  }
}

// The delimiter that splits the first lines into the same, largest number of fields.
function pickDelimiter(text: string): string {
  const lines = text.split("\n", 10).filter((l) => l.trim());
  let best = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length);
    const consistent = counts.every((c) => c === counts[0]);
    const score = (counts[0] ?? 1) > 1 ? (counts[0] ?? 1) * (consistent ? 2 : 1) : 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

const DATA_LIKE = /^(-?\d+([.,]\d+)?|\d{4}-\d{2}-\d{2}.*|\d{2}\/\d{2}\/\d{4}.*|[^@\s]+@[^@\s]+|true|false)$/i;
// Identifier formats of the contracts (ORD-00000703, C0000703, SKU-00001…) are data too.
const ID_PATTERNS = (Object.values(CONTRACTS) as AnyContract[]).flatMap((c) => c.def.columns.filter((col) => col.pattern && col.type === "string").map((col) => new RegExp(col.pattern!)));
const looksLikeData = (cell: string) => DATA_LIKE.test(cell.trim()) || ID_PATTERNS.some((p) => p.test(cell.trim()));

/** The bytes up to and including the `count`-th line feed (all of them if there are fewer). */
function firstLines(bytes: Buffer, count: number): Buffer {
  let end = -1;
  for (let n = 0; n < count; n++) {
    end = bytes.indexOf(0x0a, end + 1);
    if (end < 0) return bytes;
  }
  return bytes.subarray(0, end + 1);
}

// What String#trim removes of a Latin-1 reading: tab to carriage return, space, no-break space.
const BLANK = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]);
const isBlank = (bytes: Buffer) => bytes.every((b) => BLANK.has(b));

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20)) control++;
  return control > sample.length * 0.01;
}

/** The file's first bytes, up to the buffer's length, read into `buffer`. */
async function readHead(path: string, buffer: Buffer): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    for (let size = 0; ; ) {
      const { bytesRead } = await file.read(buffer, size, buffer.length - size, size);
      size += bytesRead;
      if (bytesRead === 0 || size === buffer.length) return buffer.subarray(0, size);
    }
  } finally {
    await file.close();
  }
}

async function gunzippedHead(path: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const raw = createReadStream(path);
  const stream = raw.pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch (error) {
    if (size === 0) throw error; // a truncated gzip sample is fine for sniffing
  } finally {
    raw.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

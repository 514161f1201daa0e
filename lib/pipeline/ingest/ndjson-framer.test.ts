// NdjsonFramer: lines prefixed with lineage, blank lines skipped, CRLF trimmed, bad lines rejected
// with their physical line number, lines split across chunks, a last line without newline.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RejectedRecord } from "./csv-framer";
import { NDJSON_DELIMITER as D, NdjsonFramer } from "./ndjson-framer";

async function frame(chunks: Buffer[], fileId: bigint | number = 42) {
  const rejects: RejectedRecord[] = [];
  const framer = new NdjsonFramer({ fileId, onReject: (r) => rejects.push(r) });
  const out: Buffer[] = [];
  for await (const b of Readable.from(chunks).pipe(framer)) out.push(b as Buffer);
  return { out: Buffer.concat(out).toString("utf8"), rejects, records: framer.records, bytesIn: framer.bytesIn };
}

describe("NdjsonFramer", () => {
  it("prefixes each line with file id and line, skipping blank lines and stripping CR", async () => {
    const text = '{"a":1}\r\n\r\n   \t\n{"b":"é"}\n\n{"c":3}';
    const r = await frame([Buffer.from(text)]);
    expect(r.out).toBe(`42${D}1${D}{"a":1}\n42${D}4${D}{"b":"é"}\n42${D}6${D}{"c":3}\n`);
    expect(r.records).toBe(3);
    expect(r.rejects).toEqual([]);
    expect(r.bytesIn).toBe(Buffer.byteLength(text));
  });

  it("joins a line split across chunks, even inside a multi-byte character", async () => {
    const bytes = Buffer.from('{"x":"été"}\n{"y":2}\n');
    // cut inside the 2-byte "é" (bytes 6–7) and in the second line
    const r = await frame([bytes.subarray(0, 7), bytes.subarray(7, 15), bytes.subarray(15)], 7n);
    expect(r.out).toBe(`7${D}1${D}{"x":"été"}\n7${D}2${D}{"y":2}\n`);
    expect(r.records).toBe(2);
  });

  it("rejects lines with control characters or invalid UTF-8, naming their lines, and keeps the others", async () => {
    const good = Buffer.from('{"ok":1}\n');
    const control = Buffer.from('{"bad":"a\u0001b"}\r\n');
    const latin1 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const r = await frame([Buffer.concat([good, control, Buffer.from("\n"), latin1, good])]);
    expect(r.out).toBe(`42${D}1${D}{"ok":1}\n42${D}5${D}{"ok":1}\n`);
    expect(r.records).toBe(4); // blank line 3 is not a record; rejected lines are
    expect(r.rejects).toEqual([
      { line: 2, reason: "contains control characters (not valid JSON)", raw: '{"bad":"a\u0001b"}' },
      { line: 4, reason: "not valid UTF-8", raw: '{"name":"\ufffd"}' },
    ]);
  });

  it("keeps at most 2000 characters of a rejected line's raw text", async () => {
    const long = `{"v":"\u0007${"x".repeat(3000)}"}`;
    const r = await frame([Buffer.from(long)]);
    expect(r.out).toBe("");
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0].raw).toHaveLength(2000);
    expect(r.rejects[0].line).toBe(1);
  });

  it("grows its output buffer when many short lines expand beyond the input size", async () => {
    // "{}\n" is 3 bytes; each output line is "123456789012345678␂n␂{}\n" (much longer).
    const lines = Array.from({ length: 500 }, () => "{}").join("\n");
    const r = await frame([Buffer.from(lines)], 123456789012345678n);
    const out = r.out.split("\n").filter(Boolean);
    expect(out).toHaveLength(500);
    expect(out[0]).toBe(`123456789012345678${D}1${D}{}`);
    expect(out[499]).toBe(`123456789012345678${D}500${D}{}`);
  });

  it("an empty input gives nothing", async () => {
    const r = await frame([]);
    expect(r).toEqual({ out: "", rejects: [], records: 0, bytesIn: 0 });
  });

  it("with cells, checks plain string values in JS and leaves the other lines to SQL", async () => {
    const rejects: RejectedRecord[] = [];
    const framer = new NdjsonFramer({
      fileId: 1,
      onReject: (r) => rejects.push(r),
      cells: { names: ["a", "b"], checks: [(v) => (v === null ? "required but empty" : null), (v) => (v !== null && v !== "ok" ? "not ok" : null)] },
    });
    const text = ['{"a":"x","b":"ok"}', '{"b":"bad"}', '{"a":1}', '{"a":"\\u0078"}', "[1]", '{"a":', '{"a":"x","b":null,"c":{"d":1}}'].join("\n");
    for await (const _ of Readable.from([Buffer.from(text)]).pipe(framer)) void _;
    expect(rejects).toEqual([
      { line: 2, field: "a", reason: "required but empty", raw: null },
      { line: 2, field: "b", reason: "not ok", raw: null },
    ]);
    expect(framer.deferred).toEqual([3, 4, 5, 6]);
  });
});

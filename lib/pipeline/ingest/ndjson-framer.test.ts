// NdjsonFramer: lines framed for COPY with their lineage, as their values when they are flat
// objects of strings, whole otherwise; blank lines skipped, CRLF trimmed, bad lines rejected with
// their physical line number, lines split across chunks, a last line without newline.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RejectedRecord } from "./csv-framer";
import { NdjsonFramer } from "./ndjson-framer";

const N = "\\N";
async function frame(chunks: Buffer[], fileId: bigint | number = 42, columns = ["x", "y"]) {
  const rejects: RejectedRecord[] = [];
  const framer = new NdjsonFramer({ fileId, onReject: (r) => rejects.push(r), columns });
  const out: Buffer[] = [];
  for await (const b of Readable.from(chunks).pipe(framer)) out.push(b as Buffer);
  return { out: Buffer.concat(out).toString("utf8"), rejects, records: framer.records, bytesIn: framer.bytesIn, deferred: framer.deferred };
}

describe("NdjsonFramer", () => {
  it("frames each line with file id and line number, as its values or whole, skipping blank lines and stripping CR", async () => {
    const text = '{"x":"1"}\r\n\r\n   \t\n{"y":"é"}\n\n{"x":3}';
    const r = await frame([Buffer.from(text)]);
    expect(r.out).toBe(`42\t1\t${N}\t1\t${N}\n42\t4\t${N}\t${N}\té\n42\t6\t{"x":3}\t${N}\t${N}\n`);
    expect(r.records).toBe(3);
    expect(r.rejects).toEqual([]);
    expect(r.deferred).toEqual([6]);
    expect(r.bytesIn).toBe(Buffer.byteLength(text));
  });

  it("escapes backslashes, tabs and line breaks for COPY, in values and in whole lines", async () => {
    const values = '{"x":"a\\tb\\nc\\\\d\\re","y":"q\\"uote"}';
    const whole = '{"x":"\\u0041\tB"}';
    const r = await frame([Buffer.from(`${values}\n${whole}\n`)]);
    expect(r.out).toBe(`42\t1\t${N}\ta\\tb\\nc\\\\d\\re\tq"uote\n42\t2\t{"x":"\\\\u0041\\tB"}\t${N}\t${N}\n`);
  });

  it("joins a line split across chunks, even inside a multi-byte character", async () => {
    const bytes = Buffer.from('{"x":"été"}\n{"y":"2"}\n');
    // cut inside the 2-byte "é" (bytes 7–8) and in the second line
    const r = await frame([bytes.subarray(0, 8), bytes.subarray(8, 16), bytes.subarray(16)], 7n);
    expect(r.out).toBe(`7\t1\t${N}\tété\t${N}\n7\t2\t${N}\t${N}\t2\n`);
    expect(r.records).toBe(2);
  });

  it("frames the same, byte by byte: a line spanning many chunks", async () => {
    const bytes = Buffer.from('{"x":"été"}\n\n{"y":"2","x":"a b"}\r\n{"x":1}\n{"y":"last"}');
    const whole = await frame([bytes]);
    const byByte = await frame([...bytes].map((b) => Buffer.from([b])));
    expect(byByte.out).toBe(whole.out);
    expect(whole.out).toBe(`42\t1\t${N}\tété\t${N}\n42\t3\t${N}\ta b\t2\n42\t4\t{"x":1}\t${N}\t${N}\n42\t5\t${N}\t${N}\tlast\n`);
    expect([byByte.records, byByte.deferred]).toEqual([4, [4]]);
  });

  it("rejects lines with control characters or invalid UTF-8, naming their lines, and keeps the others", async () => {
    const good = Buffer.from('{"x":"1"}\n');
    const control = Buffer.from('{"bad":"a\u0001b"}\r\n');
    const latin1 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const r = await frame([Buffer.concat([good, control, Buffer.from("\n"), latin1, good])]);
    expect(r.out).toBe(`42\t1\t${N}\t1\t${N}\n42\t5\t${N}\t1\t${N}\n`);
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
    // "{}\n" is 3 bytes; each output line is "123456789012345678⇥n⇥\N⇥\N⇥\N\n" (much longer).
    const lines = Array.from({ length: 500 }, () => "{}").join("\n");
    const r = await frame([Buffer.from(lines)], 123456789012345678n);
    const out = r.out.split("\n").filter(Boolean);
    expect(out).toHaveLength(500);
    expect(out[0]).toBe(`123456789012345678\t1\t${N}\t${N}\t${N}`);
    expect(out[499]).toBe(`123456789012345678\t500\t${N}\t${N}\t${N}`);
  });

  it("an empty input gives nothing", async () => {
    const r = await frame([]);
    expect(r).toEqual({ out: "", rejects: [], records: 0, bytesIn: 0, deferred: [] });
  });

  it("with checks, checks plain string values in JS, keeps rejected lines whole and leaves the other lines to SQL", async () => {
    const rejects: RejectedRecord[] = [];
    const framer = new NdjsonFramer({
      fileId: 1,
      onReject: (r) => rejects.push(r),
      columns: ["a", "b"],
      // On the value's bytes; a null value comes as an empty one.
      checks: [(_, from, to) => (from === to ? "required but empty" : null), (data, from, to) => (from < to && data.toString("utf8", from, to) !== "ok" ? "not ok" : null)],
    });
    const text = ['{"a":"x","b":"ok"}', '{"b":"bad"}', '{"a":1}', '{"a":"\\u0078"}', "[1]", '{"a":', '{"a":"x","b":null,"c":{"d":1}}', '{"a":"é","b":"no"}', '{"a":"é","b":"ok"}'].join("\n");
    const out: Buffer[] = [];
    for await (const b of Readable.from([Buffer.from(text)]).pipe(framer)) out.push(b as Buffer);
    expect(rejects).toEqual([
      { line: 2, field: "a", reason: "required but empty", raw: null },
      { line: 2, field: "b", reason: "not ok", raw: null },
      { line: 8, field: "b", reason: "not ok", raw: null },
    ]);
    expect(framer.deferred).toEqual([3, 4, 5, 6]);
    const framed = Buffer.concat(out).toString("utf8").split("\n");
    expect(framed[0]).toBe(`1\t1\t${N}\tx\tok`);
    expect(framed[1]).toBe(`1\t2\t{"b":"bad"}\t${N}\t${N}`);
    expect(framed[6]).toBe(`1\t7\t${N}\tx\t${N}`);
    // Not plain (é): decoded, checked, and kept whole when rejected.
    expect(framed[7]).toBe(`1\t8\t{"a":"é","b":"no"}\t${N}\t${N}`);
    expect(framed[8]).toBe(`1\t9\t${N}\té\tok`);
  });

  it("tracks the first and last day of the day column over the lines stored as values", async () => {
    const framer = new NdjsonFramer({ fileId: 1, onReject: () => {}, columns: ["id", "ts"], dayColumn: "ts", checks: [(_, from, to) => (from === to ? "required" : null), () => null] });
    const lines = [
      '{"id":"1","ts":"2024-11-24T23:59:00+01:00"}',
      '{"id":"2","ts":"2024-11-24T10:00:00+01:00"}',
      '{"id":"3","ts":"2024-11-25T00:10:00+01:00"}',
      '{"id":"4","ts":"2024-11-23T23:00:00Z","x":{"y":1}}', // general path
      '{"id":"5","ts":"yesterday"}',
      '{"ts":"2024-11-01T00:00:00Z"}', // rejected (no id): stored whole, not counted
      '{"id":"6","ts":"2024-11-24T11:00:00+01:00"}',
    ];
    for await (const _ of Readable.from([Buffer.from(lines.join("\n"))]).pipe(framer));
    expect([framer.firstDay, framer.lastDay]).toEqual(["2024-11-23", "2024-11-25"]);
  });

  it("reads plain lines (its byte-level path) exactly as JSON.parse would, whatever their key order, spacing or extra keys", async () => {
    // Each line framed as JSON.parse sees it: the values of x, y, z (absent: null; a key given
    // twice: its last value), or the line whole when it is not an object of strings and nulls
    // (or holds a \u escape, left to the SQL).
    const expected = (line: string) => {
      let o: unknown;
      try {
        o = line.includes("\\u") ? undefined : JSON.parse(line);
      } catch {
        o = undefined;
      }
      const values = o && typeof o === "object" && !Array.isArray(o) ? ["x", "y", "z"].map((k) => (Object.hasOwn(o as object, k) ? (o as Record<string, unknown>)[k] : null)) : null;
      if (!values || values.some((v) => v !== null && typeof v !== "string")) return `${line.replace(/\\/g, "\\\\").replace(/\t/g, "\\t")}\t${N}\t${N}\t${N}`;
      return [N, ...values.map((v) => (v === null ? N : String(v)))].join("\t");
    };
    const members = ['"x":"1"', '"y":""', '"z":null', '"x":"a b"', '"w":"extra"', '"w":7', '"y":"2"', '"z":"C0001234"', '"x" : "sp"', '"zz":null'];
    const spacing = ["", " ", "\t", " \r "];
    const lines: string[] = [];
    for (let n = 0; n < 400; n++) {
      // A deterministic mix: 1–4 members, in varied order and spacing.
      const count = 1 + (n % 4);
      const picked = Array.from({ length: count }, (_, k) => members[(n * 7 + k * 3) % members.length]);
      const sp = spacing[n % spacing.length];
      lines.push(`${n % 5 === 0 ? " " : ""}{${sp}${picked.join(`${sp},${sp}`)}${sp}}${n % 7 === 0 ? "\t" : ""}`);
    }
    lines.push("{}", "{ }", '{"x":"1",}', '{"x":"1"} x', '{"x":nul}', '{"x":"1"', '{"x":"é"}', '{"x":"a\\u0041"}', '{"x":"tab\tinside"}', '{"x":"\\"q"}', '{"x":true}');
    const r = await frame([Buffer.from(lines.join("\n"))], 9, ["x", "y", "z"]);
    expect(r.rejects).toEqual([]);
    expect(r.out.split("\n").slice(0, -1)).toEqual(lines.map((line, i) => `9\t${i + 1}\t${expected(line)}`));
  });
});

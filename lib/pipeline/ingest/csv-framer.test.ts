import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { CsvFramer, type RejectedRecord } from "./csv-framer";

async function frame(input: string | Buffer, options: { fieldCount: number; projection?: number[]; chunk?: number; delimiter?: string }) {
  const rejects: RejectedRecord[] = [];
  const framer = new CsvFramer({
    fileId: 7,
    delimiter: options.delimiter ?? ",",
    fieldCount: options.fieldCount,
    projection: options.projection ?? null,
    firstLine: 2,
    onReject: (r) => rejects.push(r),
  });
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input);
  const size = options.chunk ?? bytes.length;
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const output = await text(Readable.from(chunks).pipe(framer));
  return { output, rejects, records: framer.records };
}

describe("CsvFramer", () => {
  it("prefixes each record with file id and line number, skipping blank lines and CRs", async () => {
    const { output, rejects, records } = await frame('a,b\r\n\r\n"x, y",z\r\n', { fieldCount: 2 });
    expect(output).toBe('7,2,a,b\n7,4,"x, y",z\n');
    expect(rejects).toEqual([]);
    expect(records).toBe(2);
  });

  it("keeps quoted newlines and doubled quotes inside one record, counting physical lines", async () => {
    const input = 'a,"multi\nline ""quoted"""\nb,c\n';
    for (const chunk of [1, 2, 3, 5, 1000]) {
      const { output, records } = await frame(input, { fieldCount: 2, chunk });
      expect(output, `chunk ${chunk}`).toBe('7,2,a,"multi\nline ""quoted"""\n7,4,b,c\n');
      expect(records).toBe(2);
    }
  });

  it("rejects records with the wrong number of fields, with their line", async () => {
    const { output, rejects, records } = await frame("a,b\nonly\nc,d,e\nf,g", { fieldCount: 2 });
    expect(output).toBe("7,2,a,b\n7,5,f,g\n");
    expect(rejects).toEqual([
      { line: 3, reason: "1 fields where the header has 2", raw: "only" },
      { line: 4, reason: "3 fields where the header has 2", raw: "c,d,e" },
    ]);
    expect(records).toBe(4);
  });

  it("contains an unbalanced quote to its own line and reads the following lines", async () => {
    const input = 'O1,"Dup"ont",x\nO2,ok,y\nO3,fine,z\n';
    const { output, rejects, records } = await frame(input, { fieldCount: 3 });
    expect(rejects.map((r) => [r.line, r.raw])).toEqual([[2, 'O1,"Dup"ont",x']]);
    expect(output).toBe("7,3,O2,ok,y\n7,4,O3,fine,z\n");
    expect(records).toBe(3);
  });

  it("rejects an unterminated quote at the end of the file", async () => {
    const { output, rejects } = await frame('a,b\nc,"never closed', { fieldCount: 2 });
    expect(output).toBe("7,2,a,b\n");
    expect(rejects).toEqual([{ line: 3, reason: "unterminated quoted field", raw: 'c,"never closed' }]);
  });

  it("rejects invalid UTF-8 and NUL bytes per record", async () => {
    const input = Buffer.concat([Buffer.from("ok,1\nbad,"), Buffer.from([0xe9]), Buffer.from("\nnul,\u0000\n")]);
    const { output, rejects } = await frame(input, { fieldCount: 2 });
    expect(output).toBe("7,2,ok,1\n");
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, "not valid UTF-8"],
      [4, "contains a NUL byte"],
    ]);
  });

  it("projects and reorders fields, quoted ones included", async () => {
    const { output } = await frame('1,"a;b",x,2\n', { fieldCount: 4, projection: [3, 1, 0] });
    expect(output).toBe('7,2,2,"a;b",1\n');
  });

  it("uses the file's delimiter for the prefix", async () => {
    const { output } = await frame("a;b\n", { fieldCount: 2, delimiter: ";" });
    expect(output).toBe("7;2;a;b\n");
  });
});

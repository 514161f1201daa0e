import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import type { ColumnDef } from "../contracts";
import { compileCellCheck } from "./cell-check";
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

describe("CsvFramer cell checks", () => {
  const conv = { decimalSeparator: "." as const, dateFormat: "iso" as const };
  const columns: ColumnDef[] = [
    { name: "id", type: "string", required: true, pattern: "^SKU-\\d{5}$", description: "", example: "" },
    { name: "qty", type: "integer", required: true, min: 1, description: "", example: "" },
    { name: "price", type: "decimal", required: false, scale: 2, min: 0, description: "", example: "" },
  ];

  async function frameChecked(input: string | Buffer, chunk?: number, projection: number[] | null = null, header = ["id", "qty", "price"]) {
    const rejects: RejectedRecord[] = [];
    const fieldCount = header.length;
    const names = projection ? projection.map((p) => header[p]) : header;
    const framer = new CsvFramer({
      fileId: 7,
      delimiter: ",",
      fieldCount,
      projection,
      firstLine: 1,
      skipHeader: true,
      cells: { names, checks: names.map((n) => compileCellCheck(columns.find((c) => c.name === n)!, conv)) },
      onReject: (r) => rejects.push(r),
    });
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input);
    const size = chunk ?? bytes.length;
    const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    const output = await text(Readable.from(chunks).pipe(framer));
    return { output, rejects: rejects.map((r) => [r.line, r.field ?? null, r.reason]), records: framer.records };
  }

  it("reports each bad cell with its line and field, and still loads the row as received", async () => {
    const input = 'id,qty,price\r\nSKU-00001,2,9.90\r\nSKU-1,0,-1\r\n"SKU-00003","3","1.234"\r\nSKU-00004,,\r\n"SKU-""5",1,""\r\n';
    for (const chunk of [1, 2, 3, 7, 1000]) {
      const { output, rejects, records } = await frameChecked(input, chunk);
      expect(output, `chunk ${chunk}`).toBe('7,2,SKU-00001,2,9.90\n7,3,SKU-1,0,-1\n7,4,"SKU-00003","3","1.234"\n7,5,SKU-00004,,\n7,6,"SKU-""5",1,""\n');
      expect(rejects, `chunk ${chunk}`).toEqual([
        [3, "id", "does not match ^SKU-\\d{5}$"],
        [3, "qty", "below minimum 1"],
        [3, "price", "below minimum 0"],
        [4, "price", "more than 2 decimal places"],
        [5, "qty", "required but empty"],
        [6, "id", "does not match ^SKU-\\d{5}$"],
      ]);
      expect(records).toBe(5);
    }
  });

  it("checks the projected fields, quoted multi-line ones included", async () => {
    const input = 'x,price,qty,id\nignored,"1.5",2,SKU-00001\n"multi\nline",abc,"1\n",SKU-00002\n';
    for (const chunk of [1, 4, 1000]) {
      const { output, rejects } = await frameChecked(input, chunk, [3, 2, 1], ["x", "price", "qty", "id"]);
      expect(output, `chunk ${chunk}`).toBe('7,2,SKU-00001,2,"1.5"\n7,3,SKU-00002,"1\n",abc\n');
      expect(rejects, `chunk ${chunk}`).toEqual([
        [3, "qty", "not an integer"],
        [3, "price", "not a decimal with a decimal point"],
      ]);
    }
  });

  it("keeps multi-byte characters split across chunks, and rejects only the broken record of a chunk", async () => {
    const input = Buffer.concat([Buffer.from("id,qty,price\nSKU-00001,1,\n\"é€\",1,\nbad"), Buffer.from([0xe9]), Buffer.from(",1,\nSKU-00002,1,1\n")]);
    for (const chunk of [1, 2, 3, 5, 1000]) {
      const { output, rejects } = await frameChecked(input, chunk);
      expect(output, `chunk ${chunk}`).toBe('7,2,SKU-00001,1,\n7,3,"é€",1,\n7,5,SKU-00002,1,1\n');
      expect(rejects, `chunk ${chunk}`).toEqual([
        [3, "id", "does not match ^SKU-\\d{5}$"],
        [4, null, "not valid UTF-8"],
      ]);
    }
  });

  it("writes line numbers of every width", async () => {
    const lines = Array.from({ length: 12_345 }, () => "SKU-00001,1,1.00");
    const { output, rejects } = await frameChecked(`id,qty,price\n${lines.join("\n")}\n`, 4096);
    const out = output.split("\n");
    expect(rejects).toEqual([]);
    expect(out[0]).toBe("7,2,SKU-00001,1,1.00");
    expect(out[8]).toBe("7,10,SKU-00001,1,1.00");
    expect(out[12_343]).toBe("7,12345,SKU-00001,1,1.00");
    expect(out[12_344]).toBe("7,12346,SKU-00001,1,1.00");
  });
});

import { describe, expect, it } from "vitest";
import { compactMapping, fill, NdjsonReader, needsMapping, processingPercent, unmappedRequired, uploadPercent } from "./upload-protocol";

describe("NdjsonReader", () => {
  it("returns each complete line once, as the response text grows", () => {
    const reader = new NdjsonReader();
    const a = '{"type":"progress","phase":"hashing","bytes":10,"totalBytes":10}\n{"type":"progress","pha';
    expect(reader.read(a)).toEqual([{ type: "progress", phase: "hashing", bytes: 10, totalBytes: 10 }]);
    expect(reader.read(a)).toEqual([]);
    const b = `${a}se":"loading","bytes":5,"totalBytes":10}\n`;
    expect(reader.read(b)).toEqual([{ type: "progress", phase: "loading", bytes: 5, totalBytes: 10 }]);
    const c = `${b}{"type":"error","message":"boom"}`;
    expect(reader.read(c)).toEqual([]);
    expect(reader.read(c, true)).toEqual([{ type: "error", message: "boom" }]);
  });

  it("skips lines that are not JSON objects with a type", () => {
    expect(new NdjsonReader().read('<html>\n42\n{"type":"error","message":"x"}\n')).toEqual([{ type: "error", message: "x" }]);
  });
});

describe("progress", () => {
  it("maps the upload on 0–50 and the server's loading on 50–99, never 100 before the result", () => {
    expect(uploadPercent(0, 100)).toBe(0);
    expect(uploadPercent(50, 100)).toBe(25);
    expect(uploadPercent(100, 100)).toBe(50);
    expect(uploadPercent(5, 0)).toBe(0);
    expect(processingPercent({ type: "progress", phase: "hashing", bytes: 1, totalBytes: 1 })).toBe(50);
    expect(processingPercent({ type: "progress", phase: "loading", bytes: 50, totalBytes: 100 })).toBe(75);
    expect(processingPercent({ type: "progress", phase: "loading", bytes: 100, totalBytes: 100 })).toBe(99);
    expect(processingPercent({ type: "progress", phase: "validating", bytes: 100, totalBytes: 100 })).toBe(99);
  });
});

describe("mapping helpers", () => {
  it("drops unmapped columns and lists the required ones left", () => {
    expect(compactMapping({ a: "x", b: null, c: "" })).toEqual({ a: "x" });
    const columns = [
      { name: "a", type: "string", required: true, description: "" },
      { name: "b", type: "string", required: true, description: "" },
      { name: "c", type: "string", required: false, description: "" },
    ];
    expect(unmappedRequired(columns, { a: "x", b: null, c: null })).toEqual(["b"]);
  });

  it("recognises the refusals a mapping can fix", () => {
    expect(needsMapping({ status: "rejected", message: "f.csv is missing required orders columns: order_id. Map its columns to the contract, or fix the export." })).toBe(true);
    expect(needsMapping({ status: "rejected", message: "f.csv: its columns (a, b…) match no known source; choose the source and map its columns." })).toBe(true);
    expect(needsMapping({ status: "rejected", message: "f.csv is empty." })).toBe(false);
    expect(needsMapping({ status: "loaded", message: null })).toBe(false);
  });

  it("fills placeholders", () => {
    expect(fill("HTTP {status} {other}", { status: 413 })).toBe("HTTP 413 {other}");
  });
});

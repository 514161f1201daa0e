import { describe, expect, it } from "vitest";
import { parseId } from "./parse-id";

describe("parseId", () => {
  it("accepts 1 to 18 digits only", () => {
    expect(parseId("42")).toBe(42n);
    expect(parseId("999999999999999999")).toBe(999999999999999999n);
    expect(parseId("1000000000000000000")).toBeNull(); // 19 digits
    for (const bad of ["", "-1", "1e3", " 1", "12a", ["1"], null, undefined]) expect(parseId(bad as string)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { segmentCaseSql, segmentOf } from "./segment-rules";

describe("score → segment rules (first match wins)", () => {
  it.each([
    [5, 5, 5, "champions"],
    [4, 4, 3, "loyal"], // champions needs M ≥ 4
    [3, 3, 1, "loyal"],
    [5, 1, 5, "new"],
    [4, 2, 2, "promising"],
    [3, 1, 5, "promising"],
    [2, 5, 4, "cannot_lose"],
    [1, 4, 3, "at_risk"],
    [2, 3, 5, "at_risk"],
    [2, 2, 5, "hibernating"],
    [1, 1, 1, "hibernating"],
  ])("R%i F%i M%i → %s", (r, f, m, segment) => {
    expect(segmentOf(r, f, m)).toBe(segment);
  });

  it("writes the same rules as one SQL CASE, the last rule as ELSE", () => {
    const sql = segmentCaseSql([{ segment: "champions", r: [4, 5], f: [4, 5] }, { segment: "new", m: [1, 1] }, { segment: "hibernating" }]);
    expect(sql).toBe("CASE WHEN r BETWEEN 4 AND 5 AND f BETWEEN 4 AND 5 THEN 'champions' WHEN m BETWEEN 1 AND 1 THEN 'new' ELSE 'hibernating' END");
  });
});

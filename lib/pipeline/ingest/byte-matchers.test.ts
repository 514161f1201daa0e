// The byte matchers against the regular expressions they stand in for (the checks' results
// against SQL are in cell-check.db.test.ts).
import { describe, expect, it } from "vitest";
import { ID_PATTERNS } from "../contracts/patterns";
import { linearPattern, surelyIsoDate, surelyIsoTimestamp } from "./byte-matchers";
import { pgRegex } from "./cell-check";

const bytes = (s: string) => Buffer.from(s, "utf8");
const matches = (m: (d: Buffer, f: number, t: number) => boolean, s: string) => {
  // Inside a larger buffer, as the framers call them.
  const data = bytes(`«${s}»`);
  return m(data, 2, data.length - 2);
};

const UUID = "60632426-c907-4fb3-89f8-394dc98b65cd";
const CELLS = [
  "", "C0000001", "C000001", "C00000012", "c0000001", "SKU-00042", "SKU-0042", "ORD-00012345", "PAY-000000001", "RET-00000001", "PRM-0001",
  UUID, UUID.toUpperCase(), UUID.replace("4fb3", "5fb3"), UUID.replace("89f8", "c9f8"), `${UUID}0`, UUID.slice(1), UUID.replace("-", ""),
  "2.84.33.243", "255.255.255.255", "1.2.3", "1.2.3.4.5", "1234.1.1.1", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4 ", " 1.2.3.4", "1.2.3.٤", "1.2.3.4\n",
  "FR", "FRA", "fr", "EUR", "EU", "AB1", "CUISINE15", "ABCDEFGHIJKLMNOPQRSTU", "x", "xx", "xxx", "x-y", "é", "aaab", "ab", "b",
];
const PATTERNS = [...Object.values(ID_PATTERNS), "^[A-Z0-9]{4,20}$", "^(SKU|PRM)-\\d+$", "^a+b$", "^x?-y$", "^a*b$", "^[a-c]{2,}$", "^x{1,2}[x-z]$"];

describe("linearPattern", () => {
  for (const pattern of PATTERNS) {
    const matcher = linearPattern(pattern);
    it(`${pattern}: ${matcher ? "matches every cell as the regular expression does" : "is left to the regular expression"}`, () => {
      if (!matcher) return;
      const regex = pgRegex(pattern);
      expect(CELLS.filter((c) => matches(matcher, c) !== regex.test(c))).toEqual([]);
    });
  }

  it("takes the contracts' identifier formats and refuses what greedy matching would get wrong", () => {
    for (const key of ["customer", "sku", "order", "payment", "return", "promo", "uuid", "countryCode", "currency", "ipv4"] as const) expect(linearPattern(ID_PATTERNS[key]), key).not.toBeNull();
    // [^@\s]+ could take the "." that must follow it; alternation and "." are not linear.
    for (const p of [ID_PATTERNS.email, "^(SKU|PRM)-\\d+$", "^a.b$", "^x{1,2}[x-z]$", "^a+?$", "ORD-\\d{8}", "^[]a]$", "^[a[b]$"]) expect(linearPattern(p), p).toBeNull();
  });
});

describe("surelyIsoTimestamp and surelyIsoDate", () => {
  it("accept the usual forms", () => {
    for (const ts of ["2024-11-24T00:00:00+01:00", "2026-10-01T23:30:00Z", "2026-10-01T23:30:00.123456-02:00", "2024-02-29T10:00:00+15:59"]) expect(matches(surelyIsoTimestamp, ts), ts).toBe(true);
    for (const d of ["2026-02-28", "2024-02-29", "0001-01-01"]) expect(matches(surelyIsoDate, d), d).toBe(true);
  });

  it("leave everything else to the text check", () => {
    const timestamps = [
      "", "2026-10-01T24:00:00Z", "2026-10-01T23:59:60Z", "2026-10-01T23:60:00Z", "2026-02-30T10:00:00Z", "2026-10-01T10:00:00+16:00", "2026-10-01T10:00:00+01:60",
      "2026-10-01T10:00:00", "2026-10-01 10:00:00Z", "2026-10-01t10:00:00Z", "2026-10-01T10:00:00z", "2026-10-01T10:00:00.Z", "2026-10-01T10:00:00.1234567Z",
      "2026-10-01T10:00:00+0100", "0000-10-01T10:00:00Z", " 2026-10-01T10:00:00Z", "2026-10-01T10:00:00Z ", "2026-10-01T10:00Z",
    ];
    for (const ts of timestamps) expect(matches(surelyIsoTimestamp, ts), ts).toBe(false);
    for (const d of ["", "2026-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "2026-1-01", " 2026-01-01", "2026-01-01T00:00:00Z", "31/02/2026"]) expect(matches(surelyIsoDate, d), d).toBe(false);
  });
});

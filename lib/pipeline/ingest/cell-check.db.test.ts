// The JS cell checks (cell-check.ts, run by the framer during the load) against the SQL ones
// (invalidCellSql, the rules silver's casts rely on): for a table of cells, both must accept
// or refuse each cell alike, with the same reason, through both the byte fast paths and the
// text path (quoted cell).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/test/test-database";
import type { ColumnDef } from "../contracts";
import { CONTRACTS, SOURCES } from "../contracts";
import { ID_PATTERNS } from "../contracts/patterns";
import { invalidCellSql, type Conventions } from "../sql/cell-sql";
import { compileCellCheck, serverLocaleSql, textCheck, type ServerLocale } from "./cell-check";

let db: TestDatabase;
let locale: ServerLocale;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  locale = (await db.pool.query<ServerLocale>(serverLocaleSql)).rows[0];
});
afterAll(() => db?.drop());

const col = (c: Partial<ColumnDef> & Pick<ColumnDef, "type">): ColumnDef => ({ name: "c", required: true, description: "", example: "", ...c });

const COMMON = ["", " ", "  ", "\t", "x", "NULL", "\u00a0", "0", "-0", "1", "٣", "12", " 12", "12 ", "１２"];
const NUMBERS = [
  ...COMMON,
  "12,50", " 12,50", "12,50 ", "1 234,50", "1\u00a0234,50", "1\u202f234,50", "1\u2009234,50", "1\u2007234,50", "1\u3000234,50", "1\u0085234,50", "1\u200b234,50", "1\u2028234,50", "1.234", "1.234,5", "1,234,5", "12.345", "12.34", "12.3", "12.", ".5",
  "-.5", "0.5", "-0.00", "-0,00", "1e3", "+1", "--1", "-", "999999999999999", "9999999999999999", "123456789012345.67", "0.999999999999999999", "-0.01", "-0,01",
  "0,995", "1,00", "0,99", "00012", "1.5", "1,5", "\t1,5", "1,5\n", "12\u00a0", ",5", "5,", "12,50€",
];
const BOOLEANS = [...COMMON, "true", "TRUE", "True", "VRAI", " true ", "true\t", "oui", "OUI", "Oui", "non", "no", "yes", "y", "n", "t", "f", "faux", "false", "FAUX", "vrai ", "ouï", "OUİ", "tru", "2", "T", "Y"];
const ISO_DATES = [...COMMON, "2026-02-28", "2026-02-29", "2024-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "0001-01-01", "9999-12-31", " 2026-01-01", "2026-1-01", "2026-01-01T00:00:00Z", "31/02/2026", "01/02/2026", "1900-02-29", "2000-02-29"];
const DMY_DATES = [...ISO_DATES, " 01/02/2026 ", "31/12/2026", "29/02/2024", "29/02/2026", "00/01/2026", "01/13/2026", "1/2/2026", "01/02/26", "01/02/0000", "01/02/2026 10:00"];
const ISO_TIMESTAMPS = [
  ...COMMON,
  "2026-10-01T23:30:00Z", "2026-10-01T23:30:00", "2026-10-01T23:30:00+02:00", "2026-10-01T23:30:00-02:00", "2026-10-01T23:30:00.123456Z", "2026-10-01T23:30:00.1234567Z",
  "2026-10-01T24:00:00Z", "2026-10-01T24:00:00.000Z", "2026-10-01T24:00:01Z", "2026-10-01T24:00:00.5Z", "2026-10-01T23:60:00Z", "2026-10-01T23:59:60Z", "2026-10-01T23:59:61Z", "2026-10-01T25:00:00Z",
  "2026-02-30T10:00:00Z", "2026-10-01T10:00:00+15:59", "2026-10-01T10:00:00+16:00", "2026-10-01T10:00:00-15:00", "2026-10-01T10:00:00+01:60", "2026-10-01T10:00:00+0100", "2026-10-01 10:00:00Z",
  "2026-10-01t10:00:00Z", "2026-10-01T10:00:00z", " 2026-10-01T10:00:00Z", "2026-10-01T10:00:00Z ", "0000-10-01T10:00:00Z", "2026-10-01T10:00Z", "01/10/2026 10:00",
];
const DMY_TIMESTAMPS = [
  ...COMMON,
  "01/10/2026", "01/10/2026 10:00", "01/10/2026 10:00:59", " 01/10/2026 10:00 ", "01/10/2026  10:00", "31/02/2026", "31/02/2026 10:00", "01/10/2026 24:00", "01/10/2026 24:00:00", "01/10/2026 24:01",
  "01/10/2026 23:60", "01/10/2026 23:59:60", "01/10/2026 23:59:61", "01/10/2026 25:00", "01/10/2026T10:00", "2026-10-01T10:00:00Z", "01/10/0000 10:00", "1/10/2026 10:00", "01/10/2026 10:0",
];
const STRINGS = [...COMMON, "SKU-00042", "SKU-0042", "SKU-000421", "sku-00042", " SKU-00042", "SKU-00042 ", "SKU-0004２", "SKU-٠٠٠٤٢", "SKU-00042\n", "ORD-00012345"];
const EMAILS = [...COMMON, "a@b.fr", "A@B.FR", "a b@c.fr", "a\tb@c.fr", "a\u00a0b@c.fr", "a\u2003b@c.fr", "a\u3000b@c.fr", "a\u0085b@c.fr", "a\u2007b@c.fr", "a\u1680b@c.fr", "a\u205fb@c.fr", "a@b.f", "a@b.com", "é@b.fr", "a@@b.fr", "a@b.c0m", "@b.fr", "a@b.fr\n", "a\nb@c.fr"];
const UUIDS = [...COMMON, "60632426-c907-4fb3-89f8-394dc98b65cd", "60632426-C907-4FB3-89F8-394DC98B65CD", "60632426-c907-5fb3-89f8-394dc98b65cd", "60632426-c907-4fb3-c9f8-394dc98b65cd", " 60632426-c907-4fb3-89f8-394dc98b65cd", "60632426c9074fb389f8394dc98b65cd"];
const IPS = [...COMMON, "2.84.33.243", "255.255.255.255", "999.1.1.1", "1.2.3", "1.2.3.4.5", "1234.1.1.1", "1..2.3", "1.2.3.4 ", "1.2.3.٤", "1.2.3.4\n"];
const ENUMS = [...COMMON, "paid", " paid", "paid ", " paid ", "PAID", "pending payment", " pending payment ", "pending  payment", "\tpaid", "paid\u00a0"];

type Case = { label: string; column: ColumnDef; conv: Conventions; cells: string[] };
const conv = (decimalSeparator: "." | ",", dateFormat: "iso" | "dmy"): Conventions => ({ decimalSeparator, dateFormat, timeZone: "Europe/Paris" });

const CASES: Case[] = [
  { label: "integer min 1", column: col({ type: "integer", min: 1 }), conv: conv(".", "iso"), cells: NUMBERS },
  { label: "integer optional", column: col({ type: "integer", required: false }), conv: conv(",", "dmy"), cells: NUMBERS },
  { label: "decimal point scale 2 min 0", column: col({ type: "decimal", scale: 2, min: 0 }), conv: conv(".", "iso"), cells: NUMBERS },
  { label: "decimal comma scale 2 min 0", column: col({ type: "decimal", scale: 2, min: 0 }), conv: conv(",", "iso"), cells: NUMBERS },
  { label: "decimal point scale 3 min 1 max 10", column: col({ type: "decimal", scale: 3, min: 1, max: 10, required: false }), conv: conv(".", "iso"), cells: [...NUMBERS, "10.000", "10.001", "0.999", "1.000"] },
  { label: "decimal comma min 1 max 10", column: col({ type: "decimal", scale: 2, min: 1, max: 10 }), conv: conv(",", "iso"), cells: [...NUMBERS, "10,00", "10,01", "0,99", "1 0,00"] },
  { label: "boolean", column: col({ type: "boolean" }), conv: conv(".", "iso"), cells: BOOLEANS },
  { label: "date iso", column: col({ type: "date" }), conv: conv(".", "iso"), cells: ISO_DATES },
  { label: "date dmy", column: col({ type: "date", required: false }), conv: conv(",", "dmy"), cells: DMY_DATES },
  { label: "timestamp iso", column: col({ type: "timestamp" }), conv: conv(".", "iso"), cells: ISO_TIMESTAMPS },
  { label: "timestamp dmy", column: col({ type: "timestamp" }), conv: conv(".", "dmy"), cells: DMY_TIMESTAMPS },
  { label: "string sku pattern", column: col({ type: "string", pattern: "^SKU-\\d{5}$" }), conv: conv(".", "iso"), cells: STRINGS },
  { label: "string code pattern", column: col({ type: "string", pattern: "^[A-Z0-9]{4,20}$", required: false }), conv: conv(".", "iso"), cells: [...STRINGS, "CUISINE15", "AB1", "ABCDEFGHIJKLMNOPQRST", "ABCDEFGHIJKLMNOPQRSTU", "cuisine15"] },
  { label: "string email pattern", column: col({ type: "string", pattern: "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$" }), conv: conv(".", "iso"), cells: EMAILS },
  { label: "string", column: col({ type: "string", required: false }), conv: conv(".", "iso"), cells: STRINGS },
  { label: "string uuid pattern", column: col({ type: "string", pattern: ID_PATTERNS.uuid }), conv: conv(".", "iso"), cells: UUIDS },
  { label: "string ipv4 pattern", column: col({ type: "string", pattern: ID_PATTERNS.ipv4, required: false }), conv: conv(".", "iso"), cells: IPS },
  { label: "enum with spaces", column: col({ type: "enum", values: ["paid", "pending payment", "Refunded"] }), conv: conv(".", "iso"), cells: ENUMS },
  { label: "integer with pattern", column: col({ type: "integer", pattern: "^\\d{3}$", min: 100 }), conv: conv(".", "iso"), cells: [...NUMBERS, "100", "099", "1000"] },
];

// Every column of every contract, with a few cells each, under all four conventions.
for (const source of SOURCES) {
  for (const column of CONTRACTS[source].def.columns as readonly ColumnDef[]) {
    for (const [d, f] of [[".", "iso"], [",", "dmy"]] as const) {
      CASES.push({ label: `${source}.${column.name} ${d} ${f}`, column, conv: conv(d, f), cells: [...COMMON, column.example, ` ${column.example}`, `${column.example} `, column.example.toUpperCase(), ...(column.values ?? [])] });
    }
  }
}

/** The raw field as it would appear in the CSV file when quoted: "…" with quotes doubled. */
const quoted = (cell: string) => Buffer.from(`"${cell.replace(/"/g, '""')}"`);

describe("JS cell checks agree with invalidCellSql", () => {
  for (const c of CASES) {
    it(c.label, async () => {
      const sql = `SELECT ${invalidCellSql(c.column, "v.c", c.conv)} AS reason FROM unnest($1::text[]) WITH ORDINALITY AS v(c, n) ORDER BY n`;
      const cells = [...c.cells, null];
      const { rows } = await db.pool.query<{ reason: string | null }>(sql, [cells]);
      const text = textCheck(c.column, c.conv, locale);
      const bytes = compileCellCheck(c.column, c.conv, locale);
      const mismatches: string[] = [];
      cells.forEach((cell, i) => {
        const expected = rows[i].reason;
        const viaText = text(cell);
        // Unquoted in the file: what COPY reads as the cell (an empty field is NULL).
        const raw = Buffer.from(cell ?? "");
        const viaBytes = cell === null || cell === "" || !/[",\n\r"]/.test(cell) ? bytes(raw, 0, raw.length, false) : viaText;
        const q = cell === null ? null : quoted(cell);
        const viaQuoted = q ? bytes(q, 0, q.length, true) : viaText;
        // A cell written "" unquoted is NULL in COPY, quoted it is ''; SQL treats both as empty.
        for (const [how, got] of [["text", viaText], ["bytes", viaBytes], ["quoted", viaQuoted]] as const) {
          if (got !== expected) mismatches.push(`${JSON.stringify(cell)} ${how}: JS ${JSON.stringify(got)} vs SQL ${JSON.stringify(expected)}`);
        }
      });
      expect(mismatches).toEqual([]);
    });
  }

  it("unquotes embedded quotes and delimiters like COPY does", () => {
    const check = compileCellCheck(col({ type: "string", pattern: '^a"b,c$' }), conv(".", "iso"));
    const raw = Buffer.from('"a""b,c"');
    expect(check(raw, 0, raw.length, true)).toBeNull();
    const partly = Buffer.from('a"""b,c"');
    expect(check(partly, 0, partly.length, true)).toBeNull();
  });
});

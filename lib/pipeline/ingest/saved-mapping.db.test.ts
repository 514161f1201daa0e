// A file whose header matches a saved column mapping loads through it: its columns, its
// conventions (or the detected ones when it has none), and a refusal when it leaves a required
// column unmapped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import { headerSignature } from "./resolve-layout";
import { bronzeRows, createIngestDatabase, fileRow, ingest, writeTemp } from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

const MAPPING = { order_id: "Ref", customer_id: "Client", ordered_at: "Date", status: "Etat", channel: "Canal", currency: "Devise", shipping_amount: "Port", promo_code: "Code", updated_at: "Maj", not_a_column: "Ref" };

async function saveMapping(header: string[], mapping: Record<string, string>, decimal: string | null, dates: string | null) {
  const { rows } = await db.pool.query(
    "INSERT INTO column_mapping (source, header_signature, mapping, decimal_separator, date_format, updated_at) VALUES ('orders', $1, $2, $3, $4, now()) RETURNING id",
    [headerSignature(header), JSON.stringify(mapping), decimal, dates],
  );
  return String(rows[0].id);
}

const file = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.join(";")).join("\n") + "\n";

describe("a saved mapping", () => {
  it("maps the file's columns and applies its conventions", async () => {
    const header = ["Ref", "Client", "Date", "Etat", "Canal", "Devise", "Port", "Code", "Maj"];
    const id = await saveMapping(header, MAPPING, ",", "dmy");
    const r = await ingest(db, await writeTemp("ventes.csv", file(header, [
      ["ORD-00000009", "C0000009", "05/01/2026 09:15", "shipped", "app", "EUR", "4,90", "", "05/01/2026 09:20"],
      ["ORD-00000010", "C0000010", "2026-01-05", "shipped", "app", "EUR", "4,90", "", "05/01/2026 09:20"], // ISO date in a dd/mm/yyyy file
    ])));
    expect(r).toMatchObject({ status: "loaded", source: "orders", rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    expect(r.errors).toEqual([
      { line: 3, field: "ordered_at", reason: "not a date-time DD/MM/YYYY HH:mm" },
    ]);
    expect(await fileRow(db, r.fileId)).toMatchObject({ mapping_id: id, decimal_separator: ",", date_format: "dmy", delimiter: ";", header });
    const [row] = await bronzeRows(db, "orders", r.fileId);
    expect(row).toMatchObject({ src_line: 2, order_id: "ORD-00000009", ordered_at: "05/01/2026 09:15", shipping_amount: "4,90", promo_code: null });
  });

  it("without saved conventions, uses the detected ones", async () => {
    const header = ["Num", "Client", "Date", "Etat", "Canal", "Devise", "Port", "Code", "Maj"];
    const id = await saveMapping(header, { ...MAPPING, order_id: "Num" }, null, null);
    const r = await ingest(db, await writeTemp("ventes2.csv", file(header, [["ORD-00000011", "C0000011", "2026-01-05T09:15:00+01:00", "paid", "web", "EUR", "4.90", "X", "2026-01-05T09:20:00+01:00"]])));
    expect(r).toMatchObject({ status: "loaded", rowsLoaded: 1, rowsRejected: 0 });
    expect(await fileRow(db, r.fileId)).toMatchObject({ mapping_id: id, decimal_separator: ".", date_format: "iso" });
  });

  it("that leaves a required column unmapped refuses the file, naming the column", async () => {
    const header = ["Id", "Quand", "Etat", "Canal", "Devise", "Port", "Maj"];
    await saveMapping(header, { order_id: "Id", ordered_at: "Quand", status: "Etat", channel: "Canal", currency: "Devise", shipping_amount: "Port", updated_at: "Maj", customer_id: "Gone" }, null, null);
    const r = await ingest(db, await writeTemp("ventes3.csv", file(header, [["ORD-00000012", "2026-01-05T09:15:00+01:00", "paid", "web", "EUR", "4.90", "2026-01-05T09:20:00+01:00"]])));
    const message = "ventes3.csv: the saved mapping for orders leaves required columns unmapped: customer_id.";
    expect(r).toMatchObject({ status: "rejected", rowsRead: 0, message, errors: [{ line: 1, field: null, reason: message }] });
    expect(await fileRow(db, r.fileId)).toMatchObject({ status: "rejected", error: message });
  });
});

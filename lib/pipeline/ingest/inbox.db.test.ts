// The drop folder: complete files (marker, or unchanged for stableSeconds) are ingested and
// moved to archive/<source>/<date>/, refused ones to failed/<source>/ with a report beside them;
// incomplete files are left alone.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../../scripts/test/test-database";
import { processInbox } from "./inbox";
import { bronzeRows, createIngestDatabase, csvText, ORDER_COLUMNS, ORDER_LINE_COLUMNS, orderLineRow, orderRow, ordersCsv, tempDir } from "./test-files";

let db: TestDatabase;
beforeAll(async () => {
  db = await createIngestDatabase();
});
afterAll(() => db?.drop());

const put = async (file: string, content: string, mtime?: number) => {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  if (mtime !== undefined) await utimes(file, mtime / 1000, mtime / 1000);
};

describe("processInbox", () => {
  it("loads marked and stable files, leaves half-written ones, files refused ones away with a report", async () => {
    const inbox = await tempDir("inbox-");
    const orders = path.join(inbox, "orders");
    // 23:30 UTC on 28 March is already 29 March in Paris: files are archived under the Paris day.
    const now = Date.parse("2026-03-28T23:30:00Z");
    const hourAgo = now - 3600_000;
    await put(path.join(orders, "orders_2026-01-01.csv"), ordersCsv([901, 902]), now - 1000); // fresh, but marked done
    await put(path.join(orders, "orders_2026-01-01.csv.done"), "");
    await put(path.join(orders, "orders_2026-01-02.csv"), `${ORDER_COLUMNS.join(",")}\n${orderRow(903).join(",").slice(0, 20)}`, now - 5000); // being written
    await put(path.join(orders, "orders_2026-01-03.csv"), ordersCsv([904]), hourAgo); // no marker, stable
    await put(path.join(orders, "orders_2026-01-04.csv.part"), ordersCsv([905]), hourAgo); // a temporary name: never
    const bad = csvText([ORDER_COLUMNS.filter((c) => c !== "status"), orderRow(906).filter((_, i) => ORDER_COLUMNS[i] !== "status")]);
    await put(path.join(orders, "orders_bad.csv"), bad, now - 1000);
    await put(path.join(orders, "orders_bad.csv.done"), "");

    const seen: string[] = [];
    const outcomes = await processInbox(
      db.pool,
      { inboxDir: inbox, timeZone: "Europe/Paris", stableSeconds: 60, now },
      { onFile: (o) => seen.push(o.file), onSourceLoaded: (source, stillLoading) => seen.push(`${source} loaded, ${stillLoading} still loading`) },
    );
    const day = "2026-03-29"; // the day the file was filed away, in Paris

    expect(outcomes.map((o) => [o.file, o.status, o.movedTo])).toEqual([
      [path.join("orders", "orders_2026-01-01.csv"), "loaded", path.join("archive", "orders", day, "orders_2026-01-01.csv")],
      [path.join("orders", "orders_2026-01-03.csv"), "loaded", path.join("archive", "orders", day, "orders_2026-01-03.csv")],
      [path.join("orders", "orders_bad.csv"), "rejected", path.join("failed", "orders", "orders_bad.csv")],
    ]);
    expect(seen).toEqual([...outcomes.map((o) => o.file), "orders loaded, 0 still loading"]);
    expect(outcomes.map((o) => o.source)).toEqual(["orders", "orders", "orders"]);

    // What stays in the inbox: the half-written file and the temporary one; markers are gone.
    expect((await readdir(orders)).sort()).toEqual(["orders_2026-01-02.csv", "orders_2026-01-04.csv.part"]);
    expect((await readdir(path.join(inbox, "archive", "orders", day))).sort()).toEqual(["orders_2026-01-01.csv", "orders_2026-01-03.csv"]);
    expect(await readFile(path.join(inbox, "archive", "orders", day, "orders_2026-01-03.csv"), "utf8")).toBe(ordersCsv([904]));
    expect((await readdir(path.join(inbox, "failed", "orders"))).sort()).toEqual(["orders_bad.csv", "orders_bad.csv.report.json"]);
    expect(await readFile(path.join(inbox, "failed", "orders", "orders_bad.csv"), "utf8")).toBe(bad);

    const report = JSON.parse(await readFile(path.join(inbox, "failed", "orders", "orders_bad.csv.report.json"), "utf8"));
    expect(report).toMatchObject({ status: "rejected", source: "orders", fileId: outcomes[2].fileId, rowsLoaded: 0 });
    expect(report.message).toContain("missing required orders columns: status");

    expect((await bronzeRows(db, "orders", outcomes[0].fileId)).map((r) => [r.src_line, r.order_id])).toEqual([
      [2, "ORD-00000901"],
      [3, "ORD-00000902"],
    ]);
    expect((await bronzeRows(db, "orders", outcomes[1].fileId)).map((r) => r.order_id)).toEqual(["ORD-00000904"]);
    const { rows } = await db.pool.query("SELECT file_name, channel::text, status::text FROM ingest_file WHERE id = ANY($1) ORDER BY id", [outcomes.map((o) => o.fileId)]);
    expect(rows).toEqual([
      { file_name: "orders_2026-01-01.csv", channel: "inbox", status: "loaded" },
      { file_name: "orders_2026-01-03.csv", channel: "inbox", status: "loaded" },
      { file_name: "orders_bad.csv", channel: "inbox", status: "rejected" },
    ]);

    // Next pass, once the half-written file is complete and has been still long enough.
    await put(path.join(orders, "orders_2026-01-02.csv"), ordersCsv([903]), hourAgo);
    const later = await processInbox(db.pool, { inboxDir: inbox, timeZone: "Europe/Paris", stableSeconds: 60, now: now + 120_000 });
    expect(later.map((o) => [o.file, o.status, o.rowsLoaded])).toEqual([[path.join("orders", "orders_2026-01-02.csv"), "loaded", 1]]);
    expect(existsSync(path.join(orders, "orders_2026-01-02.csv"))).toBe(false);
  });

  it("a file already loaded, dropped again under the same name, is archived beside the first as a duplicate", async () => {
    const inbox = await tempDir("inbox-");
    const file = path.join(inbox, "orders", "orders_2026-02-01.csv");
    await put(file, ordersCsv([950]));
    await put(`${file}.done`, "");
    // 22:30 UTC on 31 October is 23:30 in Paris (winter time): still 31 October.
    const now = Date.parse("2026-10-31T22:30:00Z");
    const [first] = await processInbox(db.pool, { inboxDir: inbox, timeZone: "Europe/Paris", stableSeconds: 60, now });
    await put(file, ordersCsv([950]));
    await put(`${file}.done`, "");
    const [second] = await processInbox(db.pool, { inboxDir: inbox, timeZone: "Europe/Paris", stableSeconds: 60, now });
    const day = "2026-10-31";
    expect([first.status, second.status, second.duplicateOf]).toEqual(["loaded", "duplicate", first.fileId]);
    expect(second.movedTo).toBe(path.join("archive", "orders", day, `${second.fileId}-orders_2026-02-01.csv`));
    expect((await readdir(path.join(inbox, "archive", "orders", day))).sort()).toEqual([`${second.fileId}-orders_2026-02-01.csv`, "orders_2026-02-01.csv"].sort());
    expect(await readdir(path.join(inbox, "orders"))).toEqual([]);
  });

  it("says when every file of a source is processed, and how many other sources still have files", async () => {
    const inbox = await tempDir("inbox-");
    const marked = async (file: string, content: string) => {
      await put(file, content);
      await put(`${file}.done`, "");
    };
    await marked(path.join(inbox, "orders", "orders_2026-04-01.csv"), ordersCsv([970]));
    await marked(path.join(inbox, "orders", "orders_2026-04-02.csv"), ordersCsv([971]));
    await marked(path.join(inbox, "order_lines", "order_lines_2026-04-01.csv"), csvText([ORDER_LINE_COLUMNS, orderLineRow(970)]));
    const seen: string[] = [];
    await processInbox(db.pool, { inboxDir: inbox, timeZone: "Europe/Paris", stableSeconds: 60 }, {
      onFile: (o) => seen.push(o.file.split(path.sep)[0]),
      onSourceLoaded: (source, stillLoading) => seen.push(`${source} loaded, ${stillLoading} still loading`),
    });
    // Once per source, right after its last file; the first to finish has the other still loading.
    const events = seen.filter((e) => e.includes(" loaded"));
    expect(events.map((e) => e.split(",")[1])).toEqual([" 1 still loading", " 0 still loading"]);
    expect(events.map((e) => e.split(" ")[0]).sort()).toEqual(["order_lines", "orders"]);
    for (const e of events) expect(seen.lastIndexOf(e.split(" ")[0])).toBe(seen.indexOf(e) - 1);
  });

  it("folders of unknown sources and sub-folders are ignored", async () => {
    const inbox = await tempDir("inbox-");
    await put(path.join(inbox, "misc", "orders_2026-03-01.csv"), ordersCsv([960]), Date.now() - 3600_000);
    await put(path.join(inbox, "orders", "nested", "orders_2026-03-01.csv"), ordersCsv([961]), Date.now() - 3600_000);
    expect(await processInbox(db.pool, { inboxDir: inbox, timeZone: "Europe/Paris", stableSeconds: 60 })).toEqual([]);
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fr } from "@/lib/i18n/messages";
import { UploadForm } from "./upload-form";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

type Handler = ((e?: unknown) => void) | null;
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: Handler; onload: Handler } = { onprogress: null, onload: null };
  status = 0;
  responseText = "";
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: FormData | null = null;
  onprogress: Handler = null;
  onload: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  stream(line: object) {
    this.status = 200;
    this.responseText += `${JSON.stringify(line)}\n`;
    this.onprogress?.();
  }
}

const t = fr.uploads;
const progressbar = () => screen.getByRole("progressbar", { name: t.progressLabel });

beforeEach(() => {
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  refresh.mockClear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// jsdom's constraint validation does not see a FileList set by fireEvent; submit the form directly.
const submit = () => fireEvent.submit(screen.getByRole("button", { name: t.submit }).closest("form")!);

function chooseFile(content = "order_id,customer_id\n") {
  const file = new File([content], "orders.csv", { type: "text/csv" });
  fireEvent.change(screen.getByLabelText(t.file), { target: { files: [file] } });
  return file;
}

describe("UploadForm", () => {
  it("sends the file with XHR, follows progress on one bar and shows the summary", async () => {
    render(<UploadForm sources={["orders", "customers"]} labels={t} locale="fr" />);
    fireEvent.change(screen.getByLabelText(t.source), { target: { value: "orders" } });
    const file = chooseFile();
    submit();

    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/api/v1/uploads");
    expect(xhr.headers.Accept).toBe("application/x-ndjson");
    expect(xhr.body?.get("source")).toBe("orders");
    expect((xhr.body?.get("file") as File).name).toBe(file.name);

    act(() => xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 }));
    expect(progressbar().getAttribute("aria-valuenow")).toBe("25");
    act(() => xhr.upload.onload?.());
    expect(progressbar().getAttribute("aria-valuenow")).toBe("50");
    act(() => xhr.stream({ type: "progress", phase: "hashing", bytes: 100, totalBytes: 100 }));
    act(() => xhr.stream({ type: "progress", phase: "loading", bytes: 50, totalBytes: 100 }));
    expect(progressbar().getAttribute("aria-valuenow")).toBe("75");
    expect(screen.getByText(t.phaseLoading)).toBeTruthy();

    const result = {
      type: "result",
      fileId: "42",
      source: "orders",
      status: "loaded",
      duplicate: false,
      duplicateOf: null,
      rowsRead: 1200,
      rowsLoaded: 1198,
      rowsRejected: 2,
      errors: [
        { line: 6, field: "shipping_amount", reason: "below minimum 0" },
        { line: 14, field: "status", reason: "not one of placed|paid" },
      ],
      message: null,
    };
    act(() => {
      xhr.stream(result);
      xhr.onload?.();
    });
    expect(progressbar().getAttribute("aria-valuenow")).toBe("100");
    const summary = screen.getByRole("region", { name: t.summaryTitle });
    expect(within(summary).getByTestId("upload-status").textContent).toBe(t.statuses.loaded);
    expect(within(summary).getByTestId("rows-read").textContent).toBe(new Intl.NumberFormat("fr-FR").format(1200));
    expect(within(summary).getByTestId("rows-rejected").textContent).toBe("2");
    const rows = within(within(summary).getByRole("table", { name: t.firstRejected })).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain("shipping_amount");
    expect(within(summary).getByRole("link", { name: t.downloadRejects }).getAttribute("href")).toBe("/api/v1/uploads/42/rejects");
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("reports a JSON error answered before streaming", () => {
    render(<UploadForm sources={["orders"]} labels={t} locale="fr" />);
    chooseFile();
    submit();
    const xhr = FakeXhr.last!;
    act(() => {
      xhr.status = 413;
      xhr.responseText = JSON.stringify({ error: { code: "too_large", message: "The file is larger than the 1 MB upload limit." } });
      xhr.onload?.();
    });
    expect(screen.getByRole("alert").textContent).toContain("larger than the 1 MB");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("opens the column mapping when the file is refused for missing columns", async () => {
    const preview = {
      fileName: "orders.csv",
      format: "csv",
      encoding: "utf-8",
      delimiter: ";",
      header: ["numero", "client"],
      source: "orders",
      detectedSource: null,
      decimalSeparator: ",",
      dateFormat: "iso",
      savedMappingId: null,
      mapping: { order_id: null, customer_id: "client" },
      columns: [
        { name: "order_id", type: "string", required: true, description: "Order identifier." },
        { name: "customer_id", type: "string", required: true, description: "Buyer." },
      ],
      preview: [{ line: 2, values: { order_id: null, customer_id: "C0000001" }, issues: [{ field: "order_id", reason: "required but empty" }] }],
      problem: { code: "missing_columns", message: "Required orders columns not mapped: order_id." },
    };
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      if (url === "/api/v1/mappings") return new Response(JSON.stringify({ id: "7" }), { status: 200 });
      const body = init.body as FormData;
      const sent = body.get("mapping");
      const mapping = sent ? { order_id: null, customer_id: null, ...JSON.parse(String(sent)) } : preview.mapping;
      return new Response(JSON.stringify({ ...preview, mapping, preview: [{ line: 2, values: { order_id: "ORD-00000001", customer_id: "C0000001" }, issues: [] }] }), { status: 200 });
    });
    vi.stubGlobal("fetch", fetchMock);

    render(<UploadForm sources={["orders"]} labels={t} locale="fr" />);
    fireEvent.change(screen.getByLabelText(t.source), { target: { value: "orders" } });
    chooseFile("numero;client\n1;C0000001\n");
    submit();
    const xhr = FakeXhr.last!;
    await act(async () => {
      xhr.stream({ type: "result", fileId: "9", source: "orders", status: "rejected", duplicate: false, duplicateOf: null, rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, errors: [{ line: 1, field: null, reason: "orders.csv is missing required orders columns: order_id. Map its columns to the contract, or fix the export." }], message: "orders.csv is missing required orders columns: order_id. Map its columns to the contract, or fix the export." });
      xhr.onload?.();
    });
    const panel = await screen.findByRole("region", { name: t.mapping.title });
    const select = (await within(panel).findByLabelText("order_id")) as HTMLSelectElement;
    expect(select.value).toBe("");
    expect((within(panel).getByLabelText("customer_id") as HTMLSelectElement).value).toBe("client");
    expect((within(panel).getByLabelText(t.mapping.decimalSeparator) as HTMLSelectElement).value).toBe(",");
    const [firstUrl, firstInit] = fetchMock.mock.calls[0];
    expect(firstUrl).toBe("/api/v1/uploads/preview");
    expect((firstInit.body as FormData).get("source")).toBe("orders");
    expect((firstInit.body as FormData).get("mapping")).toBeNull();

    fireEvent.change(select, { target: { value: "numero" } });
    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: t.mapping.preview })));
    const second = fetchMock.mock.calls[1][1].body as FormData;
    expect(JSON.parse(String(second.get("mapping")))).toEqual({ order_id: "numero", customer_id: "client" });
    expect(second.get("decimalSeparator")).toBe(",");
    expect(within(panel).getByRole("table", { name: t.mapping.previewTitle }).textContent).toContain("ORD-00000001");

    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: t.mapping.save })));
    const [saveUrl, saveInit] = fetchMock.mock.calls[2];
    expect(saveUrl).toBe("/api/v1/mappings");
    expect(saveInit.method).toBe("PUT");
    expect(JSON.parse(String(saveInit.body))).toEqual({ source: "orders", header: ["numero", "client"], mapping: { order_id: "numero", customer_id: "client" }, decimalSeparator: ",", dateFormat: "iso" });
    expect(within(panel).getByRole("status").textContent).toBe(t.mapping.saved);

    fireEvent.click(within(panel).getByRole("button", { name: t.mapping.uploadAgain }));
    expect(FakeXhr.last).not.toBe(xhr);
    expect(FakeXhr.last!.body?.get("source")).toBe("orders");
  });
});

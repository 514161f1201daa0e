// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fr } from "@/lib/i18n/messages";
import type { RunDetail as Run, RunSummary } from "@/lib/pipeline/runs/types";
import { RunDetail } from "./run-detail";
import { RunNowForm } from "./run-now-form";
import { RunsTable } from "./runs-table";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const t = fr.pipeline;
const at = (s: number) => new Date(Date.UTC(2026, 9, 6, 8, 0, s)).toISOString();
const step = (id: number, name: string, status: RunSummary["status"], start: number, ms: number) => ({
  id: String(id), name, status, startedAt: at(start), finishedAt: status === "RUNNING" ? null : at(start + ms / 1000), durationMs: ms, rowsIn: "10", rowsOut: "9", error: null,
});
const run = (id: number, status: RunSummary["status"], steps: RunSummary["steps"]): RunSummary => ({
  id: String(id), trigger: "manual", scope: { from: null, to: null, full: false }, status, startedAt: at(0), finishedAt: status === "RUNNING" ? null : at(4),
  durationMs: 4000, qualityGate: status === "SUCCESS" ? "passed" : null, error: null, steps,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  refresh.mockClear();
});

function renderForm() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <RunNowForm labels={t} locale="fr" />
    </QueryClientProvider>,
  );
}

describe("RunNowForm", () => {
  it("starts a run, follows it until it ends and refreshes the page", async () => {
    const old = run(5, "SUCCESS", []);
    const lists = [
      [old],
      [run(6, "RUNNING", [step(1, "ingest", "SUCCESS", 0, 500), step(2, "silver", "RUNNING", 1, 800)]), old],
      [run(6, "SUCCESS", ["ingest", "silver", "quality", "gold", "retention"].map((n, i) => step(i + 1, n, "SUCCESS", i, 700))), old],
    ];
    const posts: unknown[] = [];
    let gets = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === "POST") {
          posts.push(JSON.parse(String(init.body)));
          return new Response(JSON.stringify({ accepted: true, queued: false }), { status: 202 });
        }
        expect(url).toMatch(/^\/api\/v1\/pipeline\/runs/);
        return new Response(JSON.stringify({ runs: lists[Math.min(gets++, lists.length - 1)] }));
      }),
    );
    renderForm();
    const region = screen.getByRole("region", { name: t.runNow.title });
    fireEvent.change(within(region).getByLabelText(t.runNow.from), { target: { value: "2026-10-01" } });
    fireEvent.click(within(region).getByRole("button", { name: t.runNow.submit }));
    await waitFor(() => expect(within(region).getByRole("status").textContent).toMatch(/n° 6 en cours : étape « Silver »/), { timeout: 8000 });
    expect(posts).toEqual([{ from: "2026-10-01", to: "2026-10-01" }]);
    expect(within(region).getByRole("button", { name: t.runNow.submit })).toHaveProperty("disabled", true);
    await waitFor(() => expect(within(region).getByRole("status").textContent).toBe("Exécution n° 6 terminée : Succès en 4,0 s."), { timeout: 8000 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(within(region).getByTestId("live-run").getAttribute("data-status")).toBe("SUCCESS");
    expect(within(region).getByRole("link", { name: "Voir le détail de l'exécution n° 6" }).getAttribute("href")).toBe("/admin/pipeline?run=6#run-detail");
    expect(within(region).getByRole("button", { name: t.runNow.submit })).toHaveProperty("disabled", false);
  }, 20_000);

  it("shows the API's refusal and validates the range before sending", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init?: RequestInit) =>
        init?.method === "POST"
          ? new Response(JSON.stringify({ error: { code: "pipeline_unavailable", message: "PII_HASH_KEY is not set" } }), { status: 503 })
          : new Response(JSON.stringify({ runs: [] })),
      ),
    );
    renderForm();
    const region = screen.getByRole("region", { name: t.runNow.title });
    fireEvent.change(within(region).getByLabelText(t.runNow.from), { target: { value: "2026-10-03" } });
    fireEvent.change(within(region).getByLabelText(t.runNow.to), { target: { value: "2026-10-01" } });
    fireEvent.click(within(region).getByRole("button", { name: t.runNow.submit }));
    expect((await within(region).findByRole("alert")).textContent).toBe(t.runNow.rangeInvalid);
    fireEvent.change(within(region).getByLabelText(t.runNow.to), { target: { value: "" } });
    fireEvent.click(within(region).getByRole("button", { name: t.runNow.submit }));
    await waitFor(() => expect(within(region).getByRole("alert").textContent).toBe("Le serveur a refusé la demande (HTTP 503) : PII_HASH_KEY is not set"));
  });
});

describe("RunsTable and RunDetail", () => {
  it("render a run's row, timeline, steps and quality results", () => {
    const detail: Run = {
      ...run(7, "FAILED", [step(1, "silver", "SUCCESS", 0, 1000), step(2, "quality", "SUCCESS", 1, 500)]),
      qualityGate: "failed",
      error: "data-quality gate failed",
      quality: [{ ruleId: "order_lines.sku_exists", description: "sku known", severity: "error", passed: false, failingRows: "1234", details: "e.g. ORD-1/1", checkedAt: at(2) }],
    };
    render(
      <>
        <RunsTable runs={[detail]} selectedId="7" labels={t} locale="fr" />
        <RunDetail run={detail} labels={t} locale="fr" />
      </>,
    );
    const row = screen.getByTestId("run-7");
    expect(row.getAttribute("aria-current")).toBe("true");
    expect(row.textContent).toContain("Échec");
    expect(row.textContent).toContain("4,0 s");
    expect(screen.getByRole("link", { name: "Voir l'exécution n° 7" })).toBeTruthy();
    expect(screen.getByRole("img", { name: /Chronologie.*Silver 1,0 s, Contrôle qualité 0,5 s/ })).toBeTruthy();
    const steps = screen.getByRole("table", { name: t.stepsTitle });
    expect(within(steps).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["Silver", "Contrôle qualité"]);
    const quality = screen.getByRole("table", { name: t.qualityTitle });
    expect(quality.textContent).toContain("1\u202f234");
    expect(quality.textContent).toContain(t.failed);
  });
});

// @vitest-environment jsdom
// The anomaly chart's table alternative carries every point, the anomaly day marked.
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AnomalyChart } from "./anomaly-chart";

afterEach(cleanup);

describe("AnomalyChart", () => {
  it("lists each day's observed value, expected value and range, the anomaly day highlighted", () => {
    const points = [
      { day: "2026-07-01", value: 100, expected: 98, low: 80, high: 120 },
      { day: "2026-07-02", value: 300, expected: 101, low: 82, high: 124 },
      { day: "2026-07-03", value: 99, expected: null, low: null, high: null },
    ];
    render(<AnomalyChart points={points} highlightDay="2026-07-02" caption="Autour du jour" labels={{ day: "Jour", observed: "Observé", expected: "Attendu", range: "Plage" }} format={(v) => (v === null ? "—" : `${v} u`)} />);
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["JourObservéAttenduPlage", "2026-07-01100 u98 u80 u – 120 u", "2026-07-02300 u101 u82 u – 124 u", "2026-07-0399 u——"]);
    expect(rows[2].className).toContain("font-semibold");
    expect(screen.getByText("Autour du jour")).toBeTruthy();
  });
});

// Mapping of run and step rows to their JSON shapes: durations, open runs, scopes of any shape.
import { describe, expect, it } from "vitest";
import { toRun, toStep, type RunRecord, type StepRecord } from "./run-rows";

const step = (over: Partial<StepRecord> = {}): StepRecord => ({
  id: "7",
  run_id: "3",
  name: "bronze",
  status: "SUCCESS" as StepRecord["status"],
  started_at: new Date("2026-10-01T06:30:00.000Z"),
  finished_at: new Date("2026-10-01T06:30:01.250Z"),
  duration_ms: 1249.6,
  rows_in: "10",
  rows_out: "9",
  error: null,
  ...over,
});

const run = (over: Partial<RunRecord> = {}): RunRecord => ({
  id: "3",
  trigger: "manual",
  scope: { from: "2026-10-01", to: "2026-10-03", full: true },
  status: "SUCCESS" as RunRecord["status"],
  started_at: new Date("2026-10-01T06:30:00.000Z"),
  finished_at: new Date("2026-10-01T06:31:00.000Z"),
  duration_ms: 60000.4,
  quality_gate: null,
  error: null,
  ...over,
});

describe("toStep", () => {
  it("rounds the duration and writes dates as ISO strings", () => {
    expect(toStep(step())).toEqual({
      id: "7",
      name: "bronze",
      status: "SUCCESS",
      startedAt: "2026-10-01T06:30:00.000Z",
      finishedAt: "2026-10-01T06:30:01.250Z",
      durationMs: 1250,
      rowsIn: "10",
      rowsOut: "9",
      error: null,
    });
  });

  it("an unfinished step has no end; a negative duration (clock skew) is shown as 0", () => {
    expect(toStep(step({ finished_at: null, duration_ms: -12 }))).toMatchObject({ finishedAt: null, durationMs: 0 });
  });
});

describe("toRun", () => {
  it("maps the run with its steps and its scope", () => {
    expect(toRun(run(), [step()])).toEqual({
      id: "3",
      trigger: "manual",
      scope: { from: "2026-10-01", to: "2026-10-03", full: true },
      status: "SUCCESS",
      startedAt: "2026-10-01T06:30:00.000Z",
      finishedAt: "2026-10-01T06:31:00.000Z",
      durationMs: 60000,
      qualityGate: null,
      error: null,
      steps: [toStep(step())],
    });
  });

  it("a running run has no end and a failed one keeps its gate and error", () => {
    expect(toRun(run({ status: "RUNNING" as RunRecord["status"], finished_at: null, duration_ms: -1 }), [])).toMatchObject({ status: "RUNNING", finishedAt: null, durationMs: 0, steps: [] });
    expect(toRun(run({ status: "FAILED" as RunRecord["status"], quality_gate: "orders.unique", error: "gate" }), [])).toMatchObject({ qualityGate: "orders.unique", error: "gate" });
  });

  it("reads a scope of any stored shape: non-strings are null, full only when exactly true", () => {
    expect(toRun(run({ scope: null }), []).scope).toEqual({ from: null, to: null, full: false });
    expect(toRun(run({ scope: "full" }), []).scope).toEqual({ from: null, to: null, full: false });
    expect(toRun(run({ scope: { from: 20261001, to: "2026-10-03", full: "true" } }), []).scope).toEqual({ from: null, to: "2026-10-03", full: false });
    expect(toRun(run({ scope: {} }), []).scope).toEqual({ from: null, to: null, full: false });
  });
});

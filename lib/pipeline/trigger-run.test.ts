// triggerPipelineRun where Inngest is configured: one event, with the scope reduced to what the
// pipeline understands. Inngest's send is stubbed (no Inngest server in tests); the in-process
// path is covered by trigger-run.db.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { inngest } from "../../inngest/client";
import { EVENTS } from "../../inngest/events";
import { triggerPipelineRun } from "./trigger-run";

let sent: unknown[];
beforeEach(() => {
  sent = [];
  vi.spyOn(inngest, "send").mockImplementation((async (payload: unknown) => {
    sent.push(payload);
    return { ids: [`evt-${sent.length}`] };
  }) as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("triggerPipelineRun through Inngest", () => {
  it("with INNGEST_DEV=1, an upload sends file.uploaded with its data as is", async () => {
    vi.stubEnv("INNGEST_EVENT_KEY", "");
    vi.stubEnv("INNGEST_DEV", "1");
    const data = { fileId: "12", source: "orders", fileName: "orders.csv", channel: "upload" as const };
    expect(await triggerPipelineRun("upload", data)).toEqual({ via: "inngest", eventIds: ["evt-1"] });
    expect(sent).toEqual([{ name: EVENTS.fileUploaded, data }]);
  });

  it("with an event key, a manual run sends pipeline.requested keeping full and a complete range only", async () => {
    vi.stubEnv("INNGEST_DEV", "");
    vi.stubEnv("INNGEST_EVENT_KEY", "key-123");
    await triggerPipelineRun("manual", { full: true, from: "2026-10-01" });
    await triggerPipelineRun("manual", { full: false, from: "2026-10-01", to: "2026-10-03" });
    await triggerPipelineRun("manual");
    expect(sent).toEqual([
      { name: EVENTS.pipelineRequested, data: { full: true } }, // a range without its end is dropped
      { name: EVENTS.pipelineRequested, data: { from: "2026-10-01", to: "2026-10-03" } },
      { name: EVENTS.pipelineRequested, data: {} },
    ]);
  });
});

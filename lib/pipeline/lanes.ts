// Runs groups of work side by side: `width` lanes each take the next group and do its items in
// order. Used where the pipeline's work splits into independent parts (sources, fact families)
// so a two-core machine keeps PostgreSQL busy on both. After a failure no lane starts another
// item; the first error is thrown once every lane has stopped (no work left running behind it).
export async function inLanes<T>(groups: readonly (readonly T[])[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  const pending = groups.filter((g) => g.length);
  let failed = false;
  const lane = async () => {
    for (let group = pending.shift(); group && !failed; group = pending.shift()) {
      for (const item of group) {
        if (failed) return;
        await work(item).catch((error) => {
          failed = true;
          throw error;
        });
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: width }, lane));
  for (const l of lanes) if (l.status === "rejected") throw l.reason;
}

// The options of a source <select>: an empty first choice, then every source name.
export function SourceOptions({ sources, emptyLabel }: { sources: readonly string[]; emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {sources.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </>
  );
}

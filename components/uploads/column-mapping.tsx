"use client";
// Maps a foreign file's columns onto a contract, once: reads the start of the file on the
// server (POST /api/v1/uploads/preview), lets the admin pick a file column for each contract
// column, previews the first rows as they will be parsed, and saves the mapping for the source
// (PUT /api/v1/mappings) so the next uploads of files with this header use it.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { TableHead } from "@/components/ui/table-head";
import { SourceOptions } from "./source-options";
import {
  apiErrorMessage,
  compactMapping,
  fill,
  PREVIEW_BYTES,
  unmappedRequired,
  type DateFormat,
  type DecimalSeparator,
  type Mapping,
  type PreviewResponse,
} from "./upload-protocol";

type Props = {
  file: File;
  initialSource: string;
  sources: string[];
  labels: Messages["uploads"];
  busy: boolean;
  onSaved: (source: string) => void;
  onUploadAgain: (source: string) => void;
  onClose: () => void;
};

type Settings = { mapping: Mapping; decimalSeparator: DecimalSeparator; dateFormat: DateFormat };

export function ColumnMapping({ file, initialSource, sources, labels, busy, onSaved, onUploadAgain, onClose }: Props) {
  const m = labels.mapping;
  const id = useId();
  const [source, setSource] = useState(initialSource);
  const [data, setData] = useState<PreviewResponse | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [decimalSeparator, setDecimalSeparator] = useState<DecimalSeparator>(".");
  const [dateFormat, setDateFormat] = useState<DateFormat>("iso");
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const pending = useRef<AbortController | null>(null);
  // Bumped by every choice the admin makes: a preview answering an older request must not undo them.
  const edits = useRef(0);

  const requestPreview = useCallback(
    async (forSource: string, settings?: Settings) => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      const editsAtRequest = edits.current;
      setLoading(true);
      setError(null);
      const form = new FormData();
      if (forSource) form.append("source", forSource);
      if (settings) {
        form.append("mapping", JSON.stringify(compactMapping(settings.mapping)));
        form.append("decimalSeparator", settings.decimalSeparator);
        form.append("dateFormat", settings.dateFormat);
      }
      form.append("file", file.slice(0, PREVIEW_BYTES), file.name);
      try {
        const res = await fetch("/api/v1/uploads/preview", { method: "POST", body: form, signal: controller.signal, headers: { Accept: "application/json" } });
        const body: unknown = await res.json().catch(() => null);
        if (controller.signal.aborted) return;
        if (!res.ok || !body) {
          setError(apiErrorMessage(body) ?? fill(labels.httpError, { status: res.status }));
          return;
        }
        const preview = body as PreviewResponse;
        setData(preview);
        setSource(preview.source ?? forSource);
        if (edits.current === editsAtRequest) {
          setMapping(preview.mapping ?? {});
          setDecimalSeparator(preview.decimalSeparator === "," ? "," : ".");
          setDateFormat(preview.dateFormat === "dmy" ? "dmy" : "iso");
        }
      } catch {
        if (!controller.signal.aborted) setError(labels.networkError);
      } finally {
        if (pending.current === controller) {
          pending.current = null;
          setLoading(false);
        }
      }
    },
    [file, labels],
  );

  // Read the start of the file once when the panel opens (the parent remounts it for a new file).
  const initial = useRef(initialSource);
  useEffect(() => {
    void requestPreview(initial.current);
    return () => pending.current?.abort();
  }, [requestPreview]);

  async function save() {
    if (!data || !source) return;
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      const res = await fetch("/api/v1/mappings", {
        method: "PUT",
        headers: { "content-type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ source, header: data.header, mapping, decimalSeparator, dateFormat }),
      });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        setError(apiErrorMessage(body) ?? fill(labels.httpError, { status: res.status }));
        return;
      }
      setSaved(true);
      onSaved(source);
    } catch {
      setError(labels.networkError);
    } finally {
      setSaving(false);
    }
  }

  const columns = data?.columns ?? [];
  const missing = unmappedRequired(columns, mapping);
  const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
  const delimiterName = (d: string) => (d === "\t" ? "TAB" : d ? `« ${d} »` : "—");

  return (
    <section className="mb-6 rounded-lg border bg-white p-5" aria-labelledby={`${id}-title`} aria-busy={loading}>
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id={`${id}-title`} className="font-semibold">
            {m.title}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{m.lead}</p>
        </div>
        <button type="button" onClick={onClose} className="rounded-md border px-3 py-1.5 text-sm hover:bg-slate-100">
          {m.close}
        </button>
      </div>

      <form
        className="mt-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm">
            {m.source}
            <select
              value={source}
              onChange={(e) => {
                setSource(e.target.value);
                setSaved(false);
                if (e.target.value) void requestPreview(e.target.value);
              }}
              className={field}
            >
              <SourceOptions sources={sources} emptyLabel={m.chooseSource} />
            </select>
          </label>
          <label className="block text-sm">
            {m.decimalSeparator}
            <select value={decimalSeparator} onChange={(e) => {
              edits.current++;
              setDecimalSeparator(e.target.value as DecimalSeparator);
            }} className={field}>
              <option value=".">{m.decimalPoint}</option>
              <option value=",">{m.decimalComma}</option>
            </select>
          </label>
          <label className="block text-sm">
            {m.dateFormat}
            <select value={dateFormat} onChange={(e) => {
              edits.current++;
              setDateFormat(e.target.value as DateFormat);
            }} className={field}>
              <option value="iso">{m.dateIso}</option>
              <option value="dmy">{m.dateDmy}</option>
            </select>
          </label>
        </div>

        <p aria-live="polite" className="mt-2 text-sm text-slate-600">
          {loading
            ? m.loading
            : data
              ? `${data.fileName} — ${fill(m.detected, { format: data.format.toUpperCase(), encoding: data.encoding, delimiter: delimiterName(data.delimiter) })}`
              : ""}
        </p>
        {data?.savedMappingId && <p className="mt-1 text-sm text-slate-600">{m.savedInUse}</p>}
        {data?.problem && (
          <p className="mt-2 text-sm text-amber-800" data-testid="mapping-problem">
            {data.problem.message}
          </p>
        )}

        {columns.length > 0 && data && (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{m.title}</caption>
              <TableHead columns={[m.contractColumn, m.fileColumn, m.type, m.description]} />
              <tbody>
                {columns.map((col) => {
                  const selectId = `${id}-col-${col.name}`;
                  const unmapped = col.required && !mapping[col.name];
                  return (
                    <tr key={col.name} className="border-t align-top">
                      <th scope="row" className="px-3 py-2 font-normal">
                        <label htmlFor={selectId} className="font-mono">
                          {col.name}
                        </label>
                        {col.required && (
                          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" id={`${selectId}-req`}>
                            {m.required}
                          </span>
                        )}
                      </th>
                      <td className="px-3 py-2">
                        <select
                          id={selectId}
                          value={mapping[col.name] ?? ""}
                          aria-required={col.required}
                          aria-invalid={unmapped || undefined}
                          aria-describedby={col.required ? `${selectId}-req` : undefined}
                          onChange={(e) => {
                            edits.current++;
                            setMapping((prev) => ({ ...prev, [col.name]: e.target.value || null }));
                            setSaved(false);
                          }}
                          className={`w-full min-w-40 rounded-md border px-2 py-1.5 ${unmapped ? "border-red-400" : "border-slate-300"}`}
                        >
                          <option value="">{m.notInFile}</option>
                          {data.header.map((h) => (
                            <option key={h} value={h}>
                              {h}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="px-3 py-2 font-mono text-xs">{col.type}</td>
                      <td className="px-3 py-2 text-xs text-slate-600">{col.description}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        {missing.length > 0 && columns.length > 0 && <p className="mt-2 text-sm text-red-700">{fill(m.unmappedRequired, { columns: missing.join(", ") })}</p>}

        <div className="mt-4 flex flex-wrap gap-2">
          <button
            type="button"
            disabled={loading || !source}
            onClick={() => void requestPreview(source, { mapping, decimalSeparator, dateFormat })}
            className="rounded-md border px-4 py-2 hover:bg-slate-100 disabled:opacity-60"
          >
            {m.preview}
          </button>
          <button type="submit" disabled={saving || loading || !data || !source || columns.length === 0} className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
            {m.save}
          </button>
          {saved && (
            <button type="button" disabled={busy} onClick={() => onUploadAgain(source)} className="rounded-md border border-indigo-700 px-4 py-2 font-medium text-indigo-800 hover:bg-indigo-50 disabled:opacity-60">
              {m.uploadAgain}
            </button>
          )}
        </div>

        {saved && (
          <p role="status" className="mt-3 text-sm text-green-800">
            {m.saved}
          </p>
        )}
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {error}
          </p>
        )}
      </form>

      {data && columns.length > 0 && (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="mapping-preview">
            <caption className="mb-2 text-left font-medium">{m.previewTitle}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {labels.line}
                </th>
                {columns.map((c) => (
                  <th key={c.name} scope="col" className="px-3 py-2 font-mono text-xs">
                    {c.name}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  {m.issues}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.preview.length === 0 && (
                <tr>
                  <td colSpan={columns.length + 2} className="px-3 py-2 text-slate-600">
                    {m.noRows}
                  </td>
                </tr>
              )}
              {data.preview.map((row) => {
                const bad = new Set(row.issues.map((i) => i.field));
                return (
                  <tr key={row.line} className="border-t align-top">
                    <th scope="row" className="px-3 py-1.5 font-normal tabular-nums">
                      {row.line}
                    </th>
                    {columns.map((c) => {
                      const value = row.values[c.name];
                      return (
                        <td key={c.name} className={`px-3 py-1.5 font-mono text-xs ${bad.has(c.name) ? "bg-red-50 text-red-800" : ""}`}>
                          {value === null || value === undefined ? <span className="text-slate-400">{labels.none}</span> : value}
                        </td>
                      );
                    })}
                    <td className="px-3 py-1.5 text-xs">
                      {row.issues.length === 0 ? (
                        <span className="text-green-800">{m.noIssue}</span>
                      ) : (
                        <ul>
                          {row.issues.map((i, k) => (
                            <li key={k}>
                              <span className="font-mono">{i.field}</span> — {i.reason}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

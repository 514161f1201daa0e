"use client";
// Sends one file with XMLHttpRequest (fetch cannot report upload progress), follows the
// server's streamed progress lines on the same bar, then shows what was loaded and rejected.
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { localeTag } from "@/lib/format";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { ColumnMapping } from "./column-mapping";
import { TableHead } from "@/components/ui/table-head";
import { SourceOptions } from "./source-options";
import {
  apiErrorMessage,
  fill,
  NdjsonReader,
  needsMapping,
  processingPercent,
  uploadPercent,
  type UploadLine,
  type UploadResult,
} from "./upload-protocol";

type Props = { sources: string[]; labels: Messages["uploads"]; locale: Locale };
type Phase = "idle" | "uploading" | "hashing" | "loading" | "validating" | "done";

const ACCEPT = ".csv,.tsv,.txt,.ndjson,.json,.gz";

export function UploadForm({ sources, labels, locale }: Props) {
  const router = useRouter();
  const id = useId();
  const [source, setSource] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [percent, setPercent] = useState(0);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped to (re)open the mapping panel and read the file's start again.
  const [mappingKey, setMappingKey] = useState(0);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const busy = phase !== "idle" && phase !== "done";
  const numbers = useMemo(() => new Intl.NumberFormat(localeTag(locale)), [locale]);

  useEffect(() => () => xhrRef.current?.abort(), []);

  function upload(chosenSource = source) {
    if (!file) {
      setError(labels.chooseFile);
      return;
    }
    xhrRef.current?.abort();
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    const reader = new NdjsonReader();
    let settled = false;
    setResult(null);
    setError(null);
    setPhase("uploading");
    setPercent(0);

    const handle = (lines: UploadLine[]) => {
      for (const line of lines) {
        if (line.type === "progress") {
          setPhase(line.phase);
          setPercent((p) => Math.max(p, processingPercent(line)));
        } else if (line.type === "result") {
          settled = true;
          setResult(line);
          setPhase("done");
          setPercent(100);
          if (needsMapping(line)) setMappingKey((k) => k + 1);
          router.refresh();
        } else if (line.type === "error") {
          settled = true;
          setError(fill(labels.serverError, { message: line.message }));
          setPhase("idle");
          router.refresh();
        }
      }
    };
    const ok = () => xhr.status >= 200 && xhr.status < 300;

    xhr.open("POST", "/api/v1/uploads");
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPercent(uploadPercent(e.loaded, e.total));
    };
    xhr.upload.onload = () => {
      setPhase((p) => (p === "uploading" ? "hashing" : p));
      setPercent((p) => Math.max(p, 50));
    };
    xhr.onprogress = () => {
      if (ok()) handle(reader.read(xhr.responseText));
    };
    xhr.onload = () => {
      if (xhrRef.current === xhr) xhrRef.current = null;
      if (ok()) {
        handle(reader.read(xhr.responseText, true));
        if (!settled) {
          setError(fill(labels.serverError, { message: "—" }));
          setPhase("idle");
        }
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: report the status alone
      }
      setError(apiErrorMessage(body) ?? fill(labels.httpError, { status: xhr.status }));
      setPhase("idle");
      setPercent(0);
    };
    xhr.onerror = () => {
      if (xhrRef.current === xhr) xhrRef.current = null;
      setError(labels.networkError);
      setPhase("idle");
      setPercent(0);
    };
    xhr.onabort = () => {
      if (xhrRef.current === xhr) xhrRef.current = null;
      setError(labels.cancelled);
      setPhase("idle");
      setPercent(0);
    };

    const form = new FormData();
    if (chosenSource) form.append("source", chosenSource);
    form.append("file", file, file.name);
    xhr.send(form);
  }

  const phaseText: Record<Phase, string> = {
    idle: "",
    uploading: labels.phaseUploading,
    hashing: labels.phaseHashing,
    loading: labels.phaseLoading,
    validating: labels.phaseValidating,
    done: labels.phaseDone,
  };
  const shown = Math.round(percent);
  const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
  const showErrors =
    result && result.errors.length > 0 && !(result.status === "rejected" && result.errors.every((e) => e.reason === result.message));

  return (
    <>
      <section className="mb-6 rounded-lg border bg-white p-5" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="mb-3 font-semibold">
          {labels.formTitle}
        </h2>
        <form
          className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto]"
          onSubmit={(e) => {
            e.preventDefault();
            upload();
          }}
        >
          <label className="block text-sm">
            {labels.source}
            <select name="source" value={source} onChange={(e) => setSource(e.target.value)} className={field} disabled={busy}>
              <SourceOptions sources={sources} emptyLabel={labels.detectSource} />
            </select>
          </label>
          <div className="text-sm">
            <label htmlFor={`${id}-file`}>{labels.file}</label>
            <input
              id={`${id}-file`}
              name="file"
              type="file"
              accept={ACCEPT}
              required
              disabled={busy}
              aria-describedby={`${id}-file-hint`}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1"
            />
            <p id={`${id}-file-hint`} className="mt-1 text-xs text-slate-600">
              {labels.fileHint}
            </p>
          </div>
          <div className="flex flex-wrap items-start gap-2 sm:pt-6">
            <button type="submit" disabled={busy} className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
              {busy ? labels.sending : labels.submit}
            </button>
            {busy ? (
              <button type="button" onClick={() => xhrRef.current?.abort()} className="rounded-md border px-4 py-2 hover:bg-slate-100">
                {labels.cancel}
              </button>
            ) : (
              <button
                type="button"
                disabled={!file}
                onClick={() => setMappingKey((k) => k + 1)}
                className="rounded-md border px-4 py-2 hover:bg-slate-100 disabled:opacity-60"
              >
                {labels.mapColumns}
              </button>
            )}
          </div>
        </form>

        {phase !== "idle" && (
          <div className="mt-4">
            <div className="flex justify-between text-sm">
              <span id={`${id}-progress-label`}>{labels.progressLabel}</span>
              <span aria-live="polite" className="text-slate-600">
                {phaseText[phase]}
              </span>
            </div>
            <div
              role="progressbar"
              aria-labelledby={`${id}-progress-label`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={shown}
              aria-valuetext={`${shown} % — ${phaseText[phase]}`}
              className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200"
            >
              <div className={`h-full rounded-full transition-[width] duration-200 ${phase === "done" ? "bg-green-600" : "bg-indigo-600"}`} style={{ width: `${shown}%` }} />
            </div>
          </div>
        )}

        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {error}
          </p>
        )}
      </section>

      {result && (
        <section className="mb-6 rounded-lg border bg-white p-5" aria-labelledby={`${id}-summary`}>
          <h2 id={`${id}-summary`} className="mb-3 font-semibold">
            {labels.summaryTitle}
          </h2>
          <div role="status">
            <p>
              <span className="text-slate-600">
                {labels.statusLabel}
                {locale === "fr" ? "\u00a0: " : ": "}
              </span>
              <strong data-testid="upload-status" className={result.status === "loaded" ? "text-green-800" : result.status === "duplicate" ? "text-amber-800" : "text-red-700"}>
                {labels.statuses[result.status]}
              </strong>
              {result.source && <span className="ml-2 font-mono text-sm text-slate-600">({result.source})</span>}
            </p>
            {result.message && (
              <p className="mt-1 text-sm" data-testid="upload-message">
                {result.message}
              </p>
            )}
            <dl className="mt-3 grid grid-cols-3 gap-3 sm:max-w-lg">
              {(
                [
                  ["rows-read", labels.rowsRead, result.rowsRead],
                  ["rows-loaded", labels.rowsLoaded, result.rowsLoaded],
                  ["rows-rejected", labels.rowsRejected, result.rowsRejected],
                ] as const
              ).map(([testId, label, value]) => (
                <div key={testId} className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>
                    {numbers.format(value)}
                  </dd>
                </div>
              ))}
            </dl>
          </div>

          {showErrors && (
            <div className="mt-4 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="mb-2 text-left font-medium">{labels.firstRejected}</caption>
                <TableHead columns={[labels.line, labels.field, labels.reason]} />
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={`${e.line}-${e.field}-${i}`} className="border-t">
                      <td className="px-3 py-1.5 tabular-nums">{numbers.format(e.line)}</td>
                      <td className="px-3 py-1.5 font-mono">{e.field ?? labels.wholeFile}</td>
                      <td className="px-3 py-1.5">{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {result.rowsRejected > 0 && (
            <p className="mt-4">
              <a href={`/api/v1/uploads/${encodeURIComponent(result.fileId)}/rejects`} download className="text-sm font-medium text-indigo-700 underline">
                {labels.downloadRejects}
              </a>
            </p>
          )}
        </section>
      )}

      {file && mappingKey > 0 && (
        <ColumnMapping
          key={`${mappingKey}-${file.name}-${file.size}-${file.lastModified}`}
          file={file}
          initialSource={source || result?.source || ""}
          sources={sources}
          labels={labels}
          busy={busy}
          onSaved={(saved) => setSource(saved)}
          onUploadAgain={(saved) => upload(saved)}
          onClose={() => setMappingKey(0)}
        />
      )}
    </>
  );
}

// How far to trust a forecast, next to it: its backtest MASE against the seasonal-naive one and
// the measured coverage of its 80% interval, with a plain-word verdict.
import type { Messages } from "@/lib/i18n/messages";

type Accuracy = { mase7: string | null; naiveMase7: string | null; mase30: string | null; naiveMase30: string | null; coverage80: string | null };

/** Model MASE ÷ naive MASE at 30 days: ≤ 0.8 clearly better than naive, ≤ 1 somewhat, else worse. */
export function trustOf(a: Accuracy): "good" | "fair" | "poor" | null {
  if (a.mase30 === null || a.naiveMase30 === null || Number(a.naiveMase30) === 0) return null;
  const ratio = Number(a.mase30) / Number(a.naiveMase30); // display only
  return ratio <= 0.8 ? "good" : ratio <= 1 ? "fair" : "poor";
}

export function AccuracyNote({ accuracy, t, locale, testId }: { accuracy: Accuracy | null; t: Messages["forecasts"]; locale: "fr" | "en"; testId?: string }) {
  const trust = accuracy && trustOf(accuracy);
  if (!accuracy || !trust) return <span className="text-xs text-slate-500" data-testid={testId}>{t.noAccuracy}</span>;
  const n = (x: string | null) => new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x as unknown as number);
  const pct = new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { style: "percent" }).format(accuracy.coverage80 as unknown as number);
  const colour = trust === "good" ? "text-emerald-700" : trust === "fair" ? "text-amber-700" : "text-red-700";
  return (
    <span className="text-xs" data-testid={testId} title={t.accuracyHelp}>
      <strong className={colour}>{t.trust[trust]}</strong> · {t.mase} 7 j {n(accuracy.mase7)} / 30 j {n(accuracy.mase30)} ({t.naive} {n(accuracy.naiveMase30)}) · {t.coverage80} {pct}
    </span>
  );
}

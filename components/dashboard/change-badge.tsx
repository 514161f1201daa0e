// A relative change coloured by whether it is good news for this KPI (a rise in refunds or
// stock-outs is red), with its sign spelled out for those who do not see colours.
import { formatChange, type UiLocale } from "@/lib/format";

export function ChangeBadge({ value, previous, locale, lowerIsBetter, children }: { value: string | null; previous: string | null; locale: UiLocale; lowerIsBetter?: boolean; children?: React.ReactNode }) {
  const change = formatChange(value, previous, locale);
  if (!change) return null;
  const rise = change.startsWith("+");
  const good = lowerIsBetter ? !rise : rise;
  return (
    <div className={`text-xs ${good ? "text-emerald-800" : "text-red-800"}`}>
      {change} {children}
    </div>
  );
}

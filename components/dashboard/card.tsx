// A dashboard card: a titled section whose content streams on its own (skeleton while it
// loads) and fails on its own (an error message, the rest of the page keeps working).
import { Suspense } from "react";
import { CardErrorBoundary } from "./card-error-boundary";

type Props = { title: string; definition?: string; children: React.ReactNode; errorLabel: string; wide?: boolean; testId?: string; actions?: React.ReactNode };

export function Card({ title, definition, children, errorLabel, wide, testId, actions }: Props) {
  return (
    <section className={`rounded-lg border bg-white p-4 ${wide ? "lg:col-span-2" : ""}`} data-testid={testId} aria-label={title}>
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          {definition ? (
            <abbr title={definition} className="cursor-help no-underline" tabIndex={0}>
              {title}
            </abbr>
          ) : (
            title
          )}
        </h2>
        {actions}
      </div>
      <CardErrorBoundary message={errorLabel}>
        <Suspense fallback={<Skeleton />}>{children}</Suspense>
      </CardErrorBoundary>
    </section>
  );
}

export function Skeleton() {
  return (
    <div className="animate-pulse space-y-2" role="status" aria-label="…">
      <div className="h-4 w-1/3 rounded bg-slate-200" />
      <div className="h-40 rounded bg-slate-100" />
    </div>
  );
}

export function CardGrid({ children }: { children: React.ReactNode }) {
  return <div className="grid gap-4 lg:grid-cols-2">{children}</div>;
}

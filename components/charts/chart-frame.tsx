"use client";
// A chart with a "Table" view of exactly the data it draws: the accessible alternative, and the
// quickest way to copy numbers. Both views are server-rendered; this only switches between them.
import { useId, useState, type ReactNode } from "react";
import { ExportMenu } from "@/components/charts/export-menu";

type Props = {
  title: string;
  subtitle?: string;
  chart: ReactNode;
  table: ReactNode;
  minHeight: number;
  testId: string;
  /** The chart's image route, e.g. /api/charts/timeline.png?company=nvidia: the export menu's source. */
  exportable?: { imagePath: string };
};

export function ChartFrame({ title, subtitle, chart, table, minHeight, testId, exportable }: Props) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const id = useId();
  return (
    // data-view names the view drawn (its image route): it changes when new data arrives, even
    // though the section stays the same element across soft navigations.
    <section aria-labelledby={`${id}-title`} data-testid={testId} data-view={exportable?.imagePath}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          {subtitle && <p className="text-sm text-zinc-500 dark:text-zinc-400">{subtitle}</p>}
        </div>
        <div className="flex items-start gap-2">
          {exportable && <ExportMenu imagePath={exportable.imagePath} />}
          <div role="group" aria-label={`${title}: view`} className="inline-flex rounded border border-zinc-300 text-xs dark:border-zinc-700">
            {(["chart", "table"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={view === option}
                onClick={() => setView(option)}
                className={`px-2 py-1 capitalize ${view === option ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : ""}`}
              >
                {option}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div className="mt-3" style={{ minHeight }} hidden={view !== "chart"}>
        {chart}
      </div>
      <div className="mt-3 overflow-x-auto" hidden={view !== "table"}>
        {table}
      </div>
    </section>
  );
}

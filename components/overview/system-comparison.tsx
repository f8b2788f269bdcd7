// The overview's comparison: the builder's CloudMatrix 384 vs GB200 NVL72 preset (every metric
// both have, relative to the NVL72), conflicting reports side by side, each row linked to the
// sentence that states it, and a link to open it in the builder.
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { CompareTable } from "@/components/charts/compare-table";
import { CompareChart } from "@/components/charts/lazy-charts";
import { SYSTEMS_PRESET } from "@/lib/charts/compare-params";
import { comparisonQuery, loadComparison } from "@/lib/charts/compare-view";
import { comparisonChartHeight } from "@/lib/charts/dimensions";
import { chartImagePath } from "@/lib/export/build";

export async function SystemComparison() {
  const view = await loadComparison(SYSTEMS_PRESET.params);
  const { subject, baseline } = SYSTEMS_PRESET;
  const title = `${subject.name} vs ${baseline.name}`;
  return (
    <ChartFrame
      exportable={{ imagePath: chartImagePath("comparison", new URLSearchParams()) }}
      testId="comparison-chart"
      title={title}
      subtitle={`${subject.name} relative to ${baseline.name} (= 1×). One bar per reported value; where sources disagree, both are shown.`}
      minHeight={comparisonChartHeight(view.rows.length)}
      chart={
        <>
          <CompareChart rows={view.rows} title={title} baselineName={view.baselineName} />
          <Link href={`/compare?${comparisonQuery(view)}`} className="mt-1 inline-block text-xs text-sky-700 underline dark:text-sky-400">
            Open in the comparison builder
          </Link>
        </>
      }
      table={<CompareTable rows={view.rows} metric={view.metric} baselineName={view.baselineName} caption={`Reports behind ${title}`} />}
    />
  );
}

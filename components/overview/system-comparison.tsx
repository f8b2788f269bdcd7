// One chip or system against a baseline on every metric both have; conflicting reports side by
// side, each row linked to the sentence that states it.
import { SourceLinks } from "@/components/quote-link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ComparisonChart } from "@/components/charts/lazy-charts";
import { toComparisonRows } from "@/lib/charts/comparison";
import { comparisonChartHeight } from "@/lib/charts/dimensions";
import { chartImagePath } from "@/lib/export/build";
import { listSpecFactsFor } from "@/lib/facts/queries";

type Props = { subject: { slug: string; name: string }; baseline: { slug: string; name: string } };

export async function SystemComparison({ subject, baseline }: Props) {
  const facts = await listSpecFactsFor([subject.slug, baseline.slug]);
  const rows = toComparisonRows(facts, subject.slug, baseline.slug);
  return (
    <ChartFrame
      exportable={{ imagePath: chartImagePath("comparison", new URLSearchParams()) }}
      testId="comparison-chart"
      title={`${subject.name} vs ${baseline.name}`}
      subtitle={`${subject.name} relative to ${baseline.name} (= 1×). One bar per reported value; where sources disagree, both are shown.`}
      minHeight={comparisonChartHeight(rows.length)}
      chart={<ComparisonChart rows={rows} subject={subject.name} baseline={baseline.name} />}
      table={
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Reports behind the comparison</caption>
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-1 pr-2 font-medium">Metric</th>
              <th className="py-1 pr-2 font-medium">{subject.name}</th>
              <th className="py-1 pr-2 font-medium">{baseline.name}</th>
              <th className="py-1 pr-2 font-medium">Ratio</th>
              <th className="py-1 font-medium">Sources</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((row) => (
              <tr key={row.key}>
                <td className="py-1 pr-2">{row.label}</td>
                <td className="py-1 pr-2 tabular-nums">{row.subjectDisplay}</td>
                <td className="py-1 pr-2 tabular-nums">{row.baselineDisplay}</td>
                <td className="py-1 pr-2 tabular-nums">{row.ratio.toFixed(2)}×</td>
                <td className="py-1">
                  <SourceLinks sources={row.sources} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

// Overview: the timeline of every event, CloudMatrix 384 against GB200 NVL72, and the latest news.
import { connection } from "next/server";
import { ComparisonChart } from "@/components/charts/comparison-chart";
import { TimelineChart } from "@/components/charts/timeline-chart";
import { LatestEvents } from "@/components/latest-events";
import { toComparisonRows } from "@/lib/charts/comparison";
import { comparisonChartHeight, TIMELINE_HEIGHT } from "@/lib/charts/dimensions";
import { toTimelineChartData } from "@/lib/charts/timeline";
import { listLatestEvents, listTimelineEvents } from "@/lib/events/queries";
import { listSpecFactsFor } from "@/lib/facts/queries";

const COMPARED = { subject: "huawei-cloudmatrix-384", baseline: "nvidia-gb200-nvl72" } as const;

export default async function OverviewPage() {
  await connection();
  const [timelineRows, specFacts, latest] = await Promise.all([
    listTimelineEvents(),
    listSpecFactsFor([COMPARED.subject, COMPARED.baseline]),
    listLatestEvents(8),
  ]);
  const timeline = toTimelineChartData(timelineRows);
  const comparison = toComparisonRows(specFacts, COMPARED.subject, COMPARED.baseline);

  return (
    <div className="grid gap-8">
      <section aria-labelledby="timeline-heading">
        <h1 id="timeline-heading" className="text-xl font-semibold">
          Timeline of {timeline.eventCount} events, 2015–2025
        </h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Export rules, licences, orders, penalties and launches, by type.</p>
        <div style={{ minHeight: TIMELINE_HEIGHT }} className="mt-3" data-testid="timeline-chart">
          <TimelineChart data={timeline} />
        </div>
      </section>

      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading" className="text-lg font-semibold">
            CloudMatrix 384 vs GB200 NVL72
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            Huawei’s rack-scale system relative to Nvidia’s (NVL72 = 1×). Each bar is one sourced report; where sources
            disagree, both are shown.
          </p>
          <div style={{ minHeight: comparisonChartHeight(comparison.length) }} className="mt-3" data-testid="comparison-chart">
            <ComparisonChart rows={comparison} subject="CloudMatrix 384" baseline="GB200 NVL72" />
          </div>
          <table className="mt-4 w-full text-left text-xs">
            <caption className="sr-only">Reports behind the comparison</caption>
            <thead className="text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="py-1 pr-2 font-medium">Metric</th>
                <th className="py-1 pr-2 font-medium">CloudMatrix 384</th>
                <th className="py-1 pr-2 font-medium">GB200 NVL72</th>
                <th className="py-1 font-medium">Sources</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {comparison.map((row) => (
                <tr key={row.key}>
                  <td className="py-1 pr-2">{row.label}</td>
                  <td className="py-1 pr-2 tabular-nums">{row.subjectDisplay}</td>
                  <td className="py-1 pr-2 tabular-nums">{row.baselineDisplay}</td>
                  <td className="py-1">
                    {row.sources.map((source, index) => (
                      <span key={source.factId}>
                        {index > 0 && ", "}
                        <a className="text-sky-700 hover:underline dark:text-sky-400" href={`/articles/${source.articleId}#fact-${source.factId}`} title={source.quote}>
                          {source.outlet}
                        </a>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="text-lg font-semibold">
            Latest events
          </h2>
          <LatestEvents events={latest} />
        </section>
      </div>
    </div>
  );
}

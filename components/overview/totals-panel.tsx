// Orders, stockpiles or penalties by company under the current filters, with a table view (the
// rows of its CSV) and an export menu.
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { TotalsChart } from "@/components/charts/lazy-charts";
import { EmptyState } from "@/components/empty-state";
import { totalsChartHeight } from "@/lib/charts/dimensions";
import { buildChartExport, chartImagePath, TOTALS_CHARTS } from "@/lib/export/build";
import { filtersToSearchParams } from "@/lib/filters/schema";
import type { EventScope } from "@/lib/filters/scope";
import { requestOrigin } from "@/lib/http/origin";

type Props = { scope: EventScope; chart: keyof typeof TOTALS_CHARTS; title?: string; what: string; pathname?: string };

export async function TotalsPanel({ scope, chart, title, what, pathname = "/" }: Props) {
  const spec = await buildChartExport(chart, scope, { origin: await requestOrigin() });
  if (spec.kind !== "bars") throw new Error("bar export expected");
  const heading = title ?? spec.meta.title;
  const companyQuery = filtersToSearchParams({ ...scope.filters, companies: [], includeSubsidiaries: false }).toString();
  const links = spec.links.map((link) => (link && companyQuery ? `${link}?${companyQuery}` : link));
  return (
    <ChartFrame
      testId={`totals-${chart}`}
      title={heading}
      subtitle={spec.meta.subtitle}
      minHeight={spec.bars.length ? totalsChartHeight(spec.bars.length) : 60}
      exportable={spec.bars.length ? { imagePath: chartImagePath(chart, filtersToSearchParams(scope.filters)) } : undefined}
      chart={
        spec.bars.length ? (
          <TotalsChart bars={spec.bars} links={links} title={heading} color={TOTALS_CHARTS[chart].color} />
        ) : (
          <EmptyState what={what} filters={scope.filters} companyNames={scope.companyNames} pathname={pathname} />
        )
      }
      table={
        <table className="w-full text-left text-sm" data-testid="chart-table">
          <caption className="sr-only">{heading}</caption>
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-1 pr-2 font-medium">Company</th>
              <th className="py-1 pr-2 font-medium">Total</th>
              <th className="py-1 font-medium">Event figures</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {spec.rows.map((row, index) => (
              <tr key={String(row.company)}>
                <td className="py-1 pr-2">
                  {links[index] ? (
                    <Link href={links[index]} className="hover:underline">
                      {row.company}
                    </Link>
                  ) : (
                    row.company
                  )}
                </td>
                <td className="py-1 pr-2 tabular-nums">{row.total}</td>
                <td className="py-1 tabular-nums">{row.event_figures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

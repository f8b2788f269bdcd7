// Orders, stockpiles or penalties by company under the current filters, with a table view.
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { TotalsChart } from "@/components/charts/totals-chart";
import { EmptyState } from "@/components/empty-state";
import { totalsChartHeight } from "@/lib/charts/dimensions";
import { toTotalBars } from "@/lib/charts/totals";
import { listTotalsByCompany } from "@/lib/facts/queries";
import { describeFilters } from "@/lib/filters/describe";
import { filtersToSearchParams } from "@/lib/filters/schema";
import type { EventScope } from "@/lib/filters/scope";
import type { MetricFamily } from "@/lib/metrics/registry";

type Props = { scope: EventScope; family: MetricFamily; title: string; what: string; color: string; pathname?: string };

export async function TotalsPanel({ scope, family, title, what, color, pathname = "/" }: Props) {
  const bars = toTotalBars(await listTotalsByCompany(scope, family));
  return (
    <ChartFrame
      testId={`totals-${family}`}
      title={title}
      subtitle={describeFilters(scope.filters, scope.companyNames)}
      minHeight={bars.length ? totalsChartHeight(bars.length) : 60}
      chart={bars.length ? <TotalsChart bars={bars} title={title} color={color} query={filtersToSearchParams({ ...scope.filters, companies: [], includeSubsidiaries: false }).toString()} /> : <EmptyState what={what} filters={scope.filters} companyNames={scope.companyNames} pathname={pathname} />}
      table={
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-1 pr-2 font-medium">Company</th>
              <th className="py-1 pr-2 font-medium">Total</th>
              <th className="py-1 font-medium">Event figures</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {bars.map((bar) => (
              <tr key={bar.name}>
                <td className="py-1 pr-2">{bar.slug ? <Link href={`/companies/${bar.slug}`} className="hover:underline">{bar.name}</Link> : bar.name}</td>
                <td className="py-1 pr-2 tabular-nums">{bar.label}</td>
                <td className="py-1 tabular-nums">{bar.events}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

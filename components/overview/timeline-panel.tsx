// The timeline widget: events in lanes, an optional bucketed series, its table view (the very
// rows of its CSV) and its export menu.
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { TimelineChart } from "@/components/charts/lazy-charts";
import { EmptyState } from "@/components/empty-state";
import { OverlayPicker } from "@/components/overview/overlay-picker";
import { TIMELINE_HEIGHT, TIMELINE_OVERLAY_HEIGHT } from "@/lib/charts/dimensions";
import type { TimelineOverlay } from "@/lib/charts/overlays";
import { buildChartExport, chartImagePath } from "@/lib/export/build";
import { filtersToSearchParams } from "@/lib/filters/schema";
import { resolveEventScope, type EventScope } from "@/lib/filters/scope";
import { toOverviewStrip } from "@/lib/charts/timeline";
import { countEventsByMonth } from "@/lib/events/queries";
import { requestOrigin } from "@/lib/http/origin";

export async function TimelinePanel({
  scope,
  overlay,
  pathname = "/",
  pageCompany = false,
}: {
  scope: EventScope;
  overlay: TimelineOverlay | null;
  pathname?: string;
  pageCompany?: boolean;
}) {
  const dated = Boolean(scope.filters.from || scope.filters.to);
  // The overview strip spans the view without its dates: where the brushed window sits in the whole.
  const [spec, months] = await Promise.all([
    buildChartExport("timeline", scope, { origin: await requestOrigin(), overlay }),
    dated ? resolveEventScope({ ...scope.filters, from: null, to: null }).then(countEventsByMonth) : countEventsByMonth(scope),
  ]);
  if (spec.kind !== "timeline") throw new Error("timeline export expected");
  const count = spec.data.eventCount;
  if (count === 0) return <EmptyState what="events" filters={scope.filters} companyNames={scope.companyNames} pathname={pathname} pageCompany={pageCompany} />;
  const query = filtersToSearchParams(scope.filters);
  if (overlay) query.set("overlay", overlay);
  return (
    <ChartFrame
      testId="timeline-chart"
      title={`Timeline of ${count.toLocaleString("en-US")} event${count === 1 ? "" : "s"}`}
      subtitle={spec.data.shown < count ? `${spec.meta.subtitle} · the latest ${spec.data.shown} are drawn; narrow the dates or filters to see others` : spec.meta.subtitle}
      minHeight={TIMELINE_HEIGHT + (spec.overlay ? TIMELINE_OVERLAY_HEIGHT + 24 : 0) + 20}
      exportable={{ imagePath: chartImagePath("timeline", query) }}
      chart={
        <>
          <TimelineChart data={spec.data} filters={scope.filters} overlay={spec.overlay} overview={toOverviewStrip(months, spec.data.domain, dated)} />
          <OverlayPicker current={overlay} />
        </>
      }
      table={
        <table className="w-full text-left text-sm" data-testid="chart-table">
          <caption className="sr-only">Events on the timeline</caption>
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-1 pr-2 font-medium">Date</th>
              <th className="py-1 pr-2 font-medium">Type</th>
              <th className="py-1 pr-2 font-medium">Event</th>
              <th className="py-1 pr-2 font-medium">Key figure</th>
              <th className="py-1 font-medium">Source</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {spec.rows.map((row) => (
              <tr key={String(row.event_url)}>
                <td className="py-1 pr-2 whitespace-nowrap">
                  <time dateTime={String(row.date)}>{row.date_label}</time>
                </td>
                <td className="py-1 pr-2">{row.type}</td>
                <td className="py-1 pr-2">
                  <Link href={new URL(String(row.event_url)).pathname} className="hover:underline">
                    {row.event}
                  </Link>
                </td>
                <td className="py-1 pr-2">{row.key_figure ?? ""}</td>
                <td className="py-1">{row.source ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

// The timeline widget: events in lanes, an optional bucketed series, and its table view.
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { TimelineChart } from "@/components/charts/timeline-chart";
import { EmptyState } from "@/components/empty-state";
import { OverlayPicker } from "@/components/overview/overlay-picker";
import { TIMELINE_HEIGHT, TIMELINE_OVERLAY_HEIGHT } from "@/lib/charts/dimensions";
import { TIMELINE_OVERLAYS, type TimelineOverlay } from "@/lib/charts/overlays";
import { toOverlayBars, toTimelineChartData } from "@/lib/charts/timeline";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { listTimelineEvents } from "@/lib/events/queries";
import { listFamilyBuckets } from "@/lib/facts/queries";
import { describeFilters } from "@/lib/filters/describe";
import type { EventScope } from "@/lib/filters/scope";

export async function TimelinePanel({ scope, overlay, pathname = "/" }: { scope: EventScope; overlay: TimelineOverlay | null; pathname?: string }) {
  const overlayDefinition = overlay ? TIMELINE_OVERLAYS[overlay] : null;
  const [rows, buckets] = await Promise.all([
    listTimelineEvents(scope),
    overlayDefinition ? listFamilyBuckets(scope, overlayDefinition.family, overlayDefinition.bucket) : Promise.resolve(null),
  ]);
  const data = toTimelineChartData(rows);
  const subtitle = describeFilters(scope.filters, scope.companyNames);
  if (rows.length === 0) {
    return <EmptyState what="events" filters={scope.filters} companyNames={scope.companyNames} pathname={pathname} />;
  }
  const bars = buckets && overlayDefinition ? toOverlayBars(buckets, overlayDefinition.bucket) : null;
  return (
    <ChartFrame
      testId="timeline-chart"
      title={`Timeline of ${rows.length} event${rows.length === 1 ? "" : "s"}`}
      subtitle={subtitle}
      minHeight={TIMELINE_HEIGHT + (bars ? TIMELINE_OVERLAY_HEIGHT + 24 : 0) + 20}
      chart={
        <>
          <TimelineChart data={data} filters={scope.filters} overlay={bars && overlayDefinition ? { label: overlayDefinition.label, bars } : null} />
          <OverlayPicker current={overlay} />
        </>
      }
      table={
        <table className="w-full text-left text-sm">
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
            {data.series
              .flatMap((series) => series.points.map((point) => ({ series, point })))
              .sort((a, b) => a.point.x - b.point.x || a.point.id - b.point.id)
              .map(({ series, point }) => (
                <tr key={point.id}>
                  <td className="py-1 pr-2 whitespace-nowrap">{point.dateLabel}</td>
                  <td className="py-1 pr-2">{EVENT_TYPE_STYLES[series.type].label}</td>
                  <td className="py-1 pr-2">
                    <Link href={`/events/${point.id}`} className="hover:underline">
                      {point.title}
                    </Link>
                  </td>
                  <td className="py-1 pr-2">{point.figure ?? ""}</td>
                  <td className="py-1">{point.outlet ?? ""}</td>
                </tr>
              ))}
            {bars?.map((bar) => (
              <tr key={`overlay-${bar.x}`} className="text-zinc-600 dark:text-zinc-300">
                <td className="py-1 pr-2">{bar.period}</td>
                <td className="py-1 pr-2" colSpan={2}>
                  {overlayDefinition?.label}
                </td>
                <td className="py-1 pr-2">{bar.label}</td>
                <td className="py-1">{bar.events} event figure(s)</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}


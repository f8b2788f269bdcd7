// Pure mapper: timeline rows from SQL → one scatter series per event type, laid out in lanes.
import { EVENT_TYPE_ORDER, EVENT_TYPE_STYLES, type MarkerShape } from "@/lib/events/event-types";
import { formatPartialDate } from "@/lib/events/partial-date";
import type { TimelineEventRow } from "@/lib/events/queries";
import type { BucketSize, FactBucket } from "@/lib/facts/queries";
import type { EventType } from "@/lib/generated/prisma/enums";
import { formatQuantity, formatWithUsd } from "@/lib/metrics/format";
import { describeMetric } from "@/lib/metrics/registry";
import { sourceLabel } from "@/lib/sources/kinds";

export type TimelinePoint = {
  id: number;
  /** Milliseconds since the epoch (UTC) of the first day of the stated period. */
  x: number;
  lane: number;
  title: string;
  dateLabel: string;
  figure: string | null;
  /** "The Korea Herald (news)": the event's source with its kind. */
  source: string | null;
};

export type TimelineSeries = {
  type: EventType;
  label: string;
  color: string;
  shape: MarkerShape;
  lane: number;
  points: TimelinePoint[];
};

/** `eventCount` events match; the `shown` latest of them are drawn (all of them unless there are very many). */
export type TimelineChartData = { series: TimelineSeries[]; domain: [number, number]; eventCount: number; shown: number };

export function toTimelineChartData(rows: TimelineEventRow[], total = rows.length): TimelineChartData {
  const present = EVENT_TYPE_ORDER.filter((type) => rows.some((row) => row.type === type));
  const series = present.map((type, lane) => ({
    type,
    ...EVENT_TYPE_STYLES[type],
    lane,
    points: rows
      .filter((row) => row.type === type)
      .map((row) => ({
        id: row.id,
        x: Date.parse(`${row.date}T00:00:00Z`),
        lane,
        title: row.title,
        dateLabel: formatPartialDate(new Date(`${row.date}T00:00:00Z`), row.datePrecision),
        figure: row.keyFigure ? `${describeMetric(row.keyFigure.metric, row.keyFigure.qualifiers ?? null)}: ${formatWithUsd(row.keyFigure, row.keyFigure.usd ?? null)}` : null,
        source: row.outlet || row.sourceUrl ? sourceLabel({ url: row.sourceUrl, outlet: row.outlet, sourceKind: row.sourceKind }) : null,
      })),
  }));
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  return { series, domain: xs.length ? paddedDomain(Math.min(...xs), Math.max(...xs)) : [0, 1], eventCount: Math.max(total, rows.length), shown: rows.length };
}

/** Starts and ends on whole years so the axis ticks land on 1 January. */
function paddedDomain(min: number, max: number): [number, number] {
  const first = new Date(min).getUTCFullYear();
  const last = new Date(max).getUTCFullYear() + 1;
  return [Date.UTC(first, 0, 1), Date.UTC(last, 0, 1)];
}

/** Yearly tick positions across a domain. */
export function yearTicks([start, end]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let year = new Date(start).getUTCFullYear(); Date.UTC(year, 0, 1) <= end; year++) ticks.push(Date.UTC(year, 0, 1));
  return ticks;
}

export type OverlayBar = { x: number; min: number; extra: number; label: string; period: string; events: number };

/** Bucketed figures (SQL) → bars on the timeline's time axis; a range draws as a lighter extension. */
export function toOverlayBars(buckets: FactBucket[], size: BucketSize): OverlayBar[] {
  return buckets.map((bucket) => {
    const start = new Date(`${bucket.bucket}T00:00:00Z`);
    const span = size === "year" ? 12 : 3;
    // Centre the bar in its period so it sits under the events it sums.
    const middle = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + span / 2, 1);
    const max = bucket.total.valueMax ?? bucket.total.value;
    return {
      x: middle,
      min: bucket.total.value,
      extra: max - bucket.total.value,
      label: formatQuantity(bucket.total),
      period: formatPartialDate(start, size),
      events: bucket.events,
    };
  });
}

/** Months (YYYY-MM) covered by a brushed span of the time axis. */
export function brushToMonths(start: number, end: number): { from: string; to: string } {
  const [a, b] = start <= end ? [start, end] : [end, start];
  const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);
  return { from: month(a), to: month(b) };
}

// Pure mapper: timeline rows from SQL → one scatter series per event type, laid out in lanes.
import { EVENT_TYPE_ORDER, EVENT_TYPE_STYLES, type MarkerShape } from "@/lib/events/event-types";
import { SEVERAL_COMPANIES, type ComparedCompany } from "@/lib/charts/company-colors";
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
  /** The mark's fill: its type's colour, or its company's while companies are compared. */
  color: string;
  /** While companies are compared: which of them the event involves ("Nvidia", "Several of them"). */
  company: string | null;
};

export type TimelineSeries = {
  type: EventType;
  label: string;
  color: string;
  shape: MarkerShape;
  lane: number;
  points: TimelinePoint[];
};

/**
 * `eventCount` events match; the `shown` latest of them are drawn (all of them unless there are
 * very many). `companies`: set when two or more are compared; marks are then coloured by company.
 */
export type TimelineChartData = { series: TimelineSeries[]; domain: [number, number]; eventCount: number; shown: number; companies: ComparedCompany[] | null };

/**
 * `range`: the dates the view is filtered to (ISO days; end exclusive). When set, the axis is exactly
 * that range, so a brushed span fills the plot; otherwise it is fitted to the events with a little
 * room either side.
 */
export function toTimelineChartData(
  rows: TimelineEventRow[],
  total = rows.length,
  range: { start: string | null; endExclusive: string | null } = { start: null, endExclusive: null },
  companies: ComparedCompany[] | null = null,
): TimelineChartData {
  const colorOf = (row: TimelineEventRow): { color: string; company: string | null } => {
    if (!companies) return { color: EVENT_TYPE_STYLES[row.type].color, company: null };
    const involved = companies.filter((c) => row.involves?.includes(c.slug));
    if (involved.length === 1) return { color: involved[0]!.color, company: involved[0]!.name };
    return { color: SEVERAL_COMPANIES.color, company: involved.length ? SEVERAL_COMPANIES.label : null };
  };
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
        ...colorOf(row),
      })),
  }));
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const fitted = xs.length ? fittedDomain(Math.min(...xs), Math.max(...xs)) : ([0, 1] as [number, number]);
  const domain: [number, number] = [
    range.start ? Date.parse(`${range.start}T00:00:00Z`) : fitted[0],
    range.endExclusive ? Date.parse(`${range.endExclusive}T00:00:00Z`) : fitted[1],
  ];
  return { series, domain, eventCount: Math.max(total, rows.length), shown: rows.length, companies };
}

const DAY = 86_400_000;

/** The events' span with 3% of it (at least two weeks) either side, so no mark sits on the plot's edge. */
function fittedDomain(min: number, max: number): [number, number] {
  const pad = Math.max(14 * DAY, (max - min) * 0.03);
  return [min - pad, max + pad];
}

export type TimeTick = { at: number; label: string };

/**
 * Ticks on 1 January, or on the first of a quarter or month when the domain is short, thinned to
 * at most `maxTicks` so labels never collide.
 */
export function timeTicks([start, end]: [number, number], maxTicks = 10): TimeTick[] {
  const years = (end - start) / (365.25 * DAY);
  const stepMonths = years > 2.5 ? 12 : years > 0.75 ? 3 : 1;
  const first = new Date(start);
  let year = first.getUTCFullYear();
  let month = Math.floor(first.getUTCMonth() / stepMonths) * stepMonths;
  const ticks: TimeTick[] = [];
  for (let at = Date.UTC(year, month, 1); at <= end; at = Date.UTC(year, month, 1)) {
    if (at >= start) {
      const date = new Date(at);
      const label = stepMonths === 12 || date.getUTCMonth() === 0 ? String(date.getUTCFullYear()) : date.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
      ticks.push({ at, label });
    }
    month += stepMonths;
    year += Math.floor(month / 12);
    month %= 12;
  }
  const every = Math.ceil(ticks.length / Math.max(1, maxTicks));
  return ticks.filter((_, i) => i % every === 0);
}

export type PlacedMark = {
  point: TimelinePoint;
  series: TimelineSeries;
  /** Pixels from the plot's left edge. */
  left: number;
  /** Pixels from the plot's top edge. */
  top: number;
};
export type LaneBand = { series: TimelineSeries; top: number; height: number };
export type TimelineLayout = { marks: PlacedMark[]; lanes: LaneBand[]; height: number };

/**
 * Marks laid out on a plot `width` pixels wide. Within its lane, a mark that would touch an earlier
 * one moves to the next row down, so no mark ever hides another; a lane is as tall as its rows.
 * Marks come out in date order, the order a keyboard reaches them.
 */
export function layoutTimeline(data: TimelineChartData, width: number, mark: { size: number; gap: number } = { size: 12, gap: 2 }): TimelineLayout {
  const pitch = mark.size + mark.gap;
  const minLaneHeight = 24;
  const span = data.domain[1] - data.domain[0] || 1;
  const marks: PlacedMark[] = [];
  const lanes: LaneBand[] = [];
  let top = 0;
  for (const series of data.series) {
    const rowEnds: number[] = [];
    const placed = [...series.points]
      .sort((a, b) => a.x - b.x || a.id - b.id)
      .map((point) => {
        const left = ((point.x - data.domain[0]) / span) * width;
        let row = rowEnds.findIndex((end) => left - end >= pitch);
        if (row < 0) row = rowEnds.length;
        rowEnds[row] = left;
        return { point, left, row };
      });
    const rows = Math.max(1, rowEnds.length);
    const height = Math.max(minLaneHeight, rows * pitch + 2 * mark.gap);
    // The rows sit in the middle of their lane.
    const firstRow = top + (height - rows * pitch) / 2 + pitch / 2;
    for (const { point, left, row } of placed) marks.push({ point, series, left, top: firstRow + row * pitch });
    lanes.push({ series, top, height });
    top += height;
  }
  marks.sort((a, b) => a.point.x - b.point.x || a.top - b.top);
  return { marks, lanes, height: top };
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

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
  /** Whether the mark may carry a label: pinned or unpinned by an editor, else chosen by `weight`. */
  labelPin: boolean | null;
  /** Facts plus sources: the events best reported are labelled first. */
  weight: number;
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
        labelPin: row.label?.pin ?? null,
        weight: (row.label?.facts ?? 0) + (row.label?.sources ?? 0),
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
/** A label beside its mark: `left` and `width` in pixels from the plot's left edge, `top` the mark's row. */
export type PlacedLabel = { eventId: number; text: string; left: number; width: number; top: number; side: "right" | "left" };
export type TimelineLayout = { marks: PlacedMark[]; lanes: LaneBand[]; labels: PlacedLabel[]; height: number };

/** Labels are 11 px text; widths are estimated at 0.6 em a character, a little above Geist's average. */
export const LABEL_FONT_SIZE = 11;
const LABEL_ADVANCE = 0.6;
const LABEL_MAX_CHARS = 30;
/** One automatic label per this many pixels of plot width (pinned labels come on top). */
const PIXELS_PER_LABEL = 220;

/** An event's title cut to a label at a word boundary: "US restricts exports of A100…". */
export function labelText(title: string, maxChars = LABEL_MAX_CHARS): string {
  if (title.length <= maxChars) return title;
  const cut = title.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, "")}…`;
}

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
  return { marks, lanes, labels: placeLabels(marks, width, mark), height: top };
}

/**
 * Labels for the most important events: pinned ones first, then those with the most facts and
 * sources (the latest first among equals), one per PIXELS_PER_LABEL of width. Each label sits on
 * its mark's row, to the right of the mark or else to its left, only where it touches no other mark
 * or label and stays inside the plot: a label that does not fit is left out, never drawn over data.
 */
function placeLabels(marks: PlacedMark[], width: number, mark: { size: number; gap: number }): PlacedLabel[] {
  const taken = new Map<number, [number, number][]>();
  const occupy = (top: number, from: number, to: number) => taken.set(top, [...(taken.get(top) ?? []), [from, to]]);
  const free = (top: number, from: number, to: number) => from >= 0 && to <= width && !(taken.get(top) ?? []).some(([a, b]) => from < b && to > a);
  const half = mark.size / 2 + mark.gap;
  for (const placed of marks) occupy(placed.top, placed.left - half, placed.left + half);

  const candidates = marks
    .filter((placed) => placed.point.labelPin !== false)
    .sort((a, b) => Number(b.point.labelPin === true) - Number(a.point.labelPin === true) || b.point.weight - a.point.weight || b.point.x - a.point.x || a.point.id - b.point.id);
  const pinned = candidates.filter((placed) => placed.point.labelPin === true).length;
  const budget = pinned + Math.max(1, Math.floor(width / PIXELS_PER_LABEL));
  // On a narrow plot labels are shorter, so one fits beside a mark in the middle.
  const maxChars = Math.max(12, Math.min(LABEL_MAX_CHARS, Math.floor((width * 0.4) / (LABEL_FONT_SIZE * LABEL_ADVANCE))));
  const labels: PlacedLabel[] = [];
  for (const placed of candidates) {
    if (labels.length >= budget) break;
    const text = labelText(placed.point.title, maxChars);
    const textWidth = Math.ceil(text.length * LABEL_FONT_SIZE * LABEL_ADVANCE);
    const right = placed.left + half;
    const left = placed.left - half - textWidth;
    const side = free(placed.top, right, right + textWidth + mark.gap) ? "right" : free(placed.top, left - mark.gap, left + textWidth) ? "left" : null;
    if (!side) continue;
    const start = side === "right" ? right : left;
    occupy(placed.top, start - mark.gap, start + textWidth + mark.gap);
    labels.push({ eventId: placed.point.id, text, left: start, width: textWidth, top: placed.top, side });
  }
  return labels;
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

/**
 * The overview strip under the timeline: events per month over the whole span of the view without
 * its date filter, and the window the chart above shows (null when it shows everything).
 */
export type OverviewStrip = { domain: [number, number]; months: { x: number; events: number }[]; max: number; window: [number, number] | null };

export function toOverviewStrip(months: { month: string; events: number }[], shown: [number, number], dateFiltered: boolean): OverviewStrip | null {
  if (!months.length) return null;
  const xs = months.map((m) => Date.parse(`${m.month}T00:00:00Z`));
  const last = new Date(Math.max(...xs));
  const end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
  // The whole span, widened to take in a brushed window that reaches past the data.
  const domain: [number, number] = [Math.min(xs[0]!, ...(dateFiltered ? [shown[0]] : [])), Math.max(end, ...(dateFiltered ? [shown[1]] : []))];
  return {
    domain,
    months: months.map((m, i) => ({ x: xs[i]!, events: m.events })),
    max: Math.max(...months.map((m) => m.events)),
    window: dateFiltered ? shown : null,
  };
}

"use client";
// Events on a time axis, one lane per type; marks are links to their events, reached by keyboard
// in date order with their tooltip shown on focus. Marks that would touch stack into rows within
// their lane (lib/charts/timeline.ts lays them out), so none is hidden. Dragging across the plot
// sets the date filter; an optional bucketed series sits underneath on the same axis.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useRef, useState, useSyncExternalStore, type PointerEvent } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Scatter, ScatterChart, Symbols, Tooltip, XAxis, YAxis } from "recharts";
import { useWidth } from "@/components/charts/use-width";
import { TIMELINE_HEIGHT, TIMELINE_OVERLAY_HEIGHT } from "@/lib/charts/dimensions";
import { brushToMonths, LABEL_FONT_SIZE, layoutTimeline, timeTicks, type OverlayBar, type OverviewStrip, type PlacedMark, type TimelineChartData } from "@/lib/charts/timeline";
import { SEVERAL_COMPANIES } from "@/lib/charts/company-colors";
import type { MarkerShape } from "@/lib/events/event-types";
import { filtersToSearchParams, type DashboardFilters } from "@/lib/filters/state";

const MARGIN = { top: 8, right: 24, bottom: 0, left: 8 };
const X_AXIS_HEIGHT = 30;
// Symbols' size is an area in square pixels. At 70 the widest shape (the star) and the tallest (the
// diamond) fit a 16 px box, which the layout keeps apart by 2 px.
const MARK = { size: 16, gap: 2 };
const MARK_AREA = 70;

type Props = { data: TimelineChartData; filters: DashboardFilters; overlay?: { label: string; bars: OverlayBar[] } | null; overview?: OverviewStrip | null };
type Datum = { x: number; y: number; mark: PlacedMark };

export function TimelineChart({ data, filters, overlay, overview }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  // Lane labels take less room on a phone.
  const laneAxisWidth = width && width < 560 ? 84 : 112;
  const plotWidth = Math.max(0, (width ?? 0) - MARGIN.left - laneAxisWidth - MARGIN.right);
  const layout = layoutTimeline(data, plotWidth, MARK);
  const ticks = timeTicks(data.domain, Math.max(2, Math.floor(plotWidth / 64)));
  const brush = useDateBrush(data.domain, filters, MARGIN.left + laneAxisWidth);
  // The focused mark lives outside React state of this component: re-rendering the chart on focus
  // makes Recharts redraw its marks, which takes the keyboard focus away from the one just reached.
  const [focus] = useState(createFocusStore);
  const renderMark = useCallback((props: unknown) => <TimelineMark {...(props as MarkProps)} onFocus={focus.set} />, [focus]);
  const height = MARGIN.top + layout.height + X_AXIS_HEIGHT;
  const points: Datum[] = layout.marks.map((mark) => ({ x: mark.point.x, y: mark.top, mark }));
  const laneLabels = new Map(layout.lanes.map((lane) => [lane.top + lane.height / 2, lane.series.label]));
  return (
    <div>
      {/* pan-y: a vertical swipe still scrolls the page, a horizontal drag brushes dates. */}
      <div ref={frame} className="relative" style={{ touchAction: "pan-y", minHeight: width === null ? TIMELINE_HEIGHT : undefined }} {...brush.handlers}>
        {width !== null && (
          <ScatterChart width={width} height={height} margin={MARGIN} accessibilityLayer title={`Timeline of ${data.eventCount} events by type`}>
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
            {layout.lanes.slice(1).map((lane) => (
              <ReferenceLine key={lane.series.type} y={lane.top} stroke="var(--chart-grid)" ifOverflow="hidden" />
            ))}
            <XAxis
              type="number"
              dataKey="x"
              domain={data.domain}
              allowDataOverflow
              ticks={ticks.map((tick) => tick.at)}
              tickFormatter={(value: number) => ticks.find((tick) => tick.at === value)?.label ?? ""}
              height={X_AXIS_HEIGHT}
              stroke="var(--chart-axis)"
              fontSize={12}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[0, Math.max(layout.height, 1)]}
              ticks={[...laneLabels.keys()]}
              tickFormatter={(y: number) => laneLabels.get(y) ?? ""}
              reversed
              width={laneAxisWidth}
              interval={0}
              stroke="var(--chart-axis)"
              fontSize={width < 560 ? 11 : 12}
            />
            <Tooltip content={<TimelineTooltip />} cursor={{ strokeDasharray: "3 3" }} />
            <Scatter name="Events" data={points} isAnimationActive={false} shape={renderMark} />
          </ScatterChart>
        )}
        {/* Labels of the most important events, where the layout found room beside their marks.
            Hidden from screen readers: each mark's own name already says the same. */}
        {width !== null &&
          layout.labels.map((label) => (
            <span
              key={label.eventId}
              aria-hidden
              data-label-for={label.eventId}
              className="pointer-events-none absolute overflow-hidden leading-none whitespace-nowrap text-zinc-700 dark:text-zinc-300"
              style={{
                left: MARGIN.left + laneAxisWidth + label.left,
                top: MARGIN.top + label.top - LABEL_FONT_SIZE / 2,
                width: label.width,
                fontSize: LABEL_FONT_SIZE,
                textAlign: label.side === "left" ? "right" : "left",
              }}
            >
              {label.text}
            </span>
          ))}
        {width !== null && <FocusedMarkDetails store={focus} left={(mark) => Math.min(MARGIN.left + laneAxisWidth + mark.left + 10, Math.max(0, width - 260))} />}
        {brush.selection && (
          <div
            aria-hidden
            className="pointer-events-none absolute bg-sky-500/20 outline outline-1 outline-sky-600"
            style={{ left: brush.selection.left, width: brush.selection.width, top: MARGIN.top, height: layout.height }}
          />
        )}
      </div>
      {overview && width !== null && <TimelineOverview strip={overview} filters={filters} plotLeft={MARGIN.left + laneAxisWidth} width={width} />}
      <TimelineLegend data={data} />
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Drag across the timeline to filter by date; click or press Enter on a mark to open its event.</p>
      {overlay && width !== null && (
        <div className="mt-2" data-testid="timeline-overlay">
          <p className="text-xs font-medium">{overlay.label}</p>
          {overlay.bars.length === 0 ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">No figures of this kind in this view.</p>
          ) : (
            <BarChart data={overlay.bars} width={width} height={TIMELINE_OVERLAY_HEIGHT} margin={MARGIN} accessibilityLayer title={overlay.label}>
              <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
              <XAxis type="number" dataKey="x" domain={data.domain} allowDataOverflow ticks={ticks.map((tick) => tick.at)} hide />
              <YAxis width={laneAxisWidth} stroke="var(--chart-axis)" fontSize={11} tickFormatter={compactTick} />
              <Tooltip content={<OverlayTooltip />} />
              <Bar dataKey="min" stackId="v" fill="#009E73" barSize={10} isAnimationActive={false} name="Reported (lower end)" />
              <Bar dataKey="extra" stackId="v" fill="#009E73" fillOpacity={0.35} barSize={10} isAnimationActive={false} name="Range of reports" />
            </BarChart>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The key to colours and shapes, in lane order, in text that reads on either theme. While companies
 * are compared, colour names the company and shape alone the type.
 */
function TimelineLegend({ data }: { data: TimelineChartData }) {
  const several = data.companies && data.series.some((series) => series.points.some((point) => point.company === SEVERAL_COMPANIES.label));
  return (
    <div className="mt-2 grid gap-1 text-xs text-zinc-700 dark:text-zinc-300">
      {data.companies && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Companies" data-testid="timeline-company-legend">
          {[...data.companies, ...(several ? [{ slug: "several", name: SEVERAL_COMPANIES.label, color: SEVERAL_COMPANIES.color }] : [])].map((company) => (
            <li key={company.slug} className="flex items-center gap-1.5 font-medium">
              <span aria-hidden className="inline-block size-3 rounded-sm" style={{ backgroundColor: company.color }} />
              {company.name}
            </li>
          ))}
        </ul>
      )}
      <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Event types">
        {data.series.map((series) => (
          <li key={series.type} className="flex items-center gap-1.5">
            <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden>
              <Symbols cx={0} cy={0} type={series.shape} size={64} fill={data.companies ? "currentColor" : series.color} />
            </svg>
            {series.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

const STRIP_HEIGHT = 28;
const monthYear = (ms: number) => new Date(ms).toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/**
 * The whole span of the view under the chart: events per month, with the window the chart shows
 * shaded. Dragging across it chooses dates, like dragging across the chart.
 */
function TimelineOverview({ strip, filters, plotLeft, width }: { strip: OverviewStrip; filters: DashboardFilters; plotLeft: number; width: number }) {
  const pathname = usePathname();
  const brush = useDateBrush(strip.domain, filters, plotLeft);
  const plotWidth = Math.max(1, width - plotLeft - MARGIN.right);
  const span = strip.domain[1] - strip.domain[0] || 1;
  const xOf = (ms: number) => ((ms - strip.domain[0]) / span) * plotWidth;
  const monthWidth = Math.max(1, (plotWidth * 30.4 * 86_400_000) / span - 0.5);
  const ticks = timeTicks(strip.domain, Math.max(2, Math.floor(plotWidth / 64)));
  const whole = `${monthYear(strip.domain[0])} to ${monthYear(strip.domain[1] - 1)}`;
  const shown = strip.window ? `; the chart shows ${monthYear(strip.window[0])} to ${monthYear(strip.window[1] - 1)}` : "";
  return (
    <div className="mt-1" data-testid="timeline-overview">
      <div className="relative" style={{ touchAction: "pan-y" }} {...brush.handlers}>
        <svg width={width} height={STRIP_HEIGHT + 14} role="img" aria-label={`Events per month, ${whole}${shown}`} className="block">
          <g transform={`translate(${plotLeft},0)`}>
            <rect x={0} y={0} width={plotWidth} height={STRIP_HEIGHT} fill="var(--chart-grid)" fillOpacity={0.25} />
            {strip.window && (
              <rect
                data-testid="overview-window"
                x={xOf(strip.window[0])}
                y={0}
                width={Math.max(2, xOf(strip.window[1]) - xOf(strip.window[0]))}
                height={STRIP_HEIGHT}
                fill="rgb(14 165 233 / 0.18)"
                stroke="rgb(2 132 199)"
              />
            )}
            {strip.months.map((month) => {
              const height = Math.max(2, (month.events / strip.max) * (STRIP_HEIGHT - 4));
              return <rect key={month.x} x={xOf(month.x)} y={STRIP_HEIGHT - height} width={monthWidth} height={height} fill="var(--chart-axis)" />;
            })}
            {ticks.map((tick) => (
              <text key={tick.at} x={xOf(tick.at)} y={STRIP_HEIGHT + 12} fontSize={10} textAnchor="middle" fill="var(--chart-axis)">
                {tick.label}
              </text>
            ))}
          </g>
        </svg>
        {brush.selection && (
          <div
            aria-hidden
            className="pointer-events-none absolute top-0 bg-sky-500/20 outline outline-1 outline-sky-600"
            style={{ left: brush.selection.left, width: brush.selection.width, height: STRIP_HEIGHT }}
          />
        )}
      </div>
      {strip.window && (
        <Link href={`${pathname}?${filtersToSearchParams({ ...filters, from: null, to: null })}`} scroll={false} className="text-xs text-sky-700 underline dark:text-sky-400">
          Show all dates
        </Link>
      )}
    </div>
  );
}

type FocusStore = { get: () => PlacedMark | null; set: (mark: PlacedMark | null) => void; subscribe: (listener: () => void) => () => void };

function createFocusStore(): FocusStore {
  let current: PlacedMark | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (mark) => {
      current = mark;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The details of the mark the keyboard is on, beside it. */
function FocusedMarkDetails({ store, left }: { store: FocusStore; left: (mark: PlacedMark) => number }) {
  const mark = useSyncExternalStore(store.subscribe, store.get, () => null);
  if (!mark) return null;
  return (
    <div role="tooltip" className="pointer-events-none absolute z-10" style={{ left: left(mark), top: MARGIN.top + mark.top + 10 }}>
      <MarkDetails mark={mark} />
    </div>
  );
}

type MarkProps = { cx?: number; cy?: number; payload?: Datum; onFocus: (mark: PlacedMark | null) => void };

function TimelineMark({ cx = 0, cy = 0, payload, onFocus }: MarkProps) {
  const router = useRouter();
  if (!payload) return null;
  const { point, series } = payload.mark;
  const label = `${series.label}${point.company ? ` (${point.company})` : ""}: ${point.title}, ${point.dateLabel}${point.figure ? `, ${point.figure}` : ""}`;
  return (
    <a
      href={`/events/${point.id}`}
      aria-label={label}
      data-event-id={point.id}
      data-date={new Date(point.x).toISOString().slice(0, 10)}
      // An SVG link is not a Tab stop in every browser without it.
      tabIndex={0}
      onFocus={() => onFocus(payload.mark)}
      onBlur={() => onFocus(null)}
      onClick={(event) => {
        event.preventDefault();
        router.push(`/events/${point.id}`);
      }}
    >
      <Symbols
        cx={cx}
        cy={cy}
        type={series.shape as MarkerShape}
        size={MARK_AREA}
        fill={point.color}
        stroke="var(--chart-mark-outline)"
        strokeWidth={0.75}
        className="recharts-scatter-symbol"
      />
    </a>
  );
}

/** Pointer drag across the plot → from/to months in the URL. */
function useDateBrush(domain: [number, number], filters: DashboardFilters, plotLeft: number) {
  const router = useRouter();
  const pathname = usePathname();
  const start = useRef<{ x: number; plotWidth: number } | null>(null);
  const [selection, setSelection] = useState<{ left: number; width: number } | null>(null);
  const toTime = (x: number, plotWidth: number) => domain[0] + (Math.min(Math.max(x - plotLeft, 0), plotWidth) / plotWidth) * (domain[1] - domain[0]);

  const handlers = {
    onPointerDown(event: PointerEvent<HTMLDivElement>) {
      if ((event.target as Element).closest("a")) return; // clicking a mark opens it
      const box = event.currentTarget.getBoundingClientRect();
      start.current = { x: event.clientX - box.left, plotWidth: box.width - plotLeft - MARGIN.right };
    },
    onPointerMove(event: PointerEvent<HTMLDivElement>) {
      if (!start.current) return;
      const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
      setSelection({ left: Math.min(x, start.current.x), width: Math.abs(x - start.current.x) });
    },
    onPointerUp(event: PointerEvent<HTMLDivElement>) {
      const origin = start.current;
      start.current = null;
      setSelection(null);
      if (!origin) return;
      const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
      if (Math.abs(x - origin.x) < 6) return; // a click, not a drag
      const { from, to } = brushToMonths(toTime(origin.x, origin.plotWidth), toTime(x, origin.plotWidth));
      const query = filtersToSearchParams({ ...filters, from, to }).toString();
      router.push(`${pathname}?${query}`, { scroll: false });
    },
    onPointerLeave() {
      start.current = null;
      setSelection(null);
    },
  };
  return { handlers, selection };
}

function compactTick(value: number) {
  return Intl.NumberFormat("en-US", { notation: "compact" }).format(value);
}

function MarkDetails({ mark }: { mark: PlacedMark }) {
  const { point, series } = mark;
  return (
    <div className="max-w-xs rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">{point.title}</p>
      <p className="text-zinc-600 dark:text-zinc-400">
        {series.label} · {point.dateLabel}
        {point.company && <> · {point.company}</>}
      </p>
      {point.figure && <p className="mt-1">{point.figure}</p>}
      {point.source && <p className="mt-1 text-zinc-600 dark:text-zinc-400">Source: {point.source}</p>}
    </div>
  );
}

function TimelineTooltip({ active, payload }: { active?: boolean; payload?: { payload?: Datum }[] }) {
  const datum = payload?.[0]?.payload;
  if (!active || !datum) return null;
  return <MarkDetails mark={datum.mark} />;
}

function OverlayTooltip({ active, payload }: { active?: boolean; payload?: { payload?: OverlayBar }[] }) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        {bar.period}: {bar.label}
      </p>
      <p className="text-zinc-600 dark:text-zinc-400">
        from {bar.events} event figure{bar.events === 1 ? "" : "s"}
      </p>
    </div>
  );
}

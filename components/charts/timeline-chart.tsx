"use client";
// Events on a time axis, one lane per type; marks are links to their events (keyboard-focusable).
// Dragging across the plot sets the date filter; an optional bucketed series sits underneath on
// the same axis. Fed by lib/charts/timeline.ts.
import { usePathname, useRouter } from "next/navigation";
import { useRef, useState, type PointerEvent } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Scatter, ScatterChart, Symbols, Tooltip, XAxis, YAxis } from "recharts";
import { TIMELINE_HEIGHT, TIMELINE_OVERLAY_HEIGHT } from "@/lib/charts/dimensions";
import { brushToMonths, yearTicks, type OverlayBar, type TimelineChartData, type TimelinePoint } from "@/lib/charts/timeline";
import type { MarkerShape } from "@/lib/events/event-types";
import { filtersToSearchParams, type DashboardFilters } from "@/lib/filters/state";

const MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };
const LANE_AXIS_WIDTH = 112;

type Props = { data: TimelineChartData; filters: DashboardFilters; overlay?: { label: string; bars: OverlayBar[] } | null };

export function TimelineChart({ data, filters, overlay }: Props) {
  const laneLabels = new Map(data.series.map((s) => [s.lane, s.label]));
  const ticks = yearTicks(data.domain);
  const brush = useDateBrush(data.domain, filters);
  return (
    <div>
      {/* pan-y: a vertical swipe still scrolls the page, a horizontal drag brushes dates. */}
      <div className="relative" style={{ touchAction: "pan-y" }} {...brush.handlers}>
        <ScatterChart responsive style={{ width: "100%", height: TIMELINE_HEIGHT }} margin={MARGIN} accessibilityLayer title={`Timeline of ${data.eventCount} events by type`}>
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            domain={data.domain}
            ticks={ticks}
            tickFormatter={(value: number) => String(new Date(value).getUTCFullYear())}
            stroke="var(--chart-axis)"
            fontSize={12}
          />
          <YAxis
            type="number"
            dataKey="lane"
            domain={[-0.5, Math.max(data.series.length, 1) - 0.5]}
            ticks={data.series.map((s) => s.lane)}
            tickFormatter={(lane: number) => laneLabels.get(lane) ?? ""}
            reversed
            width={LANE_AXIS_WIDTH}
            interval={0}
            stroke="var(--chart-axis)"
            fontSize={12}
          />
          <Tooltip content={<TimelineTooltip />} cursor={{ strokeDasharray: "3 3" }} />
          <Legend verticalAlign="bottom" height={48} wrapperStyle={{ fontSize: 12 }} />
          {data.series.map((series) => (
            <Scatter
              key={series.type}
              name={series.label}
              data={series.points}
              fill={series.color}
              legendType={series.shape}
              isAnimationActive={false}
              shape={(props: unknown) => <TimelineMark {...(props as MarkProps)} shape={series.shape} />}
            />
          ))}
        </ScatterChart>
        {brush.selection && (
          <div
            aria-hidden
            className="pointer-events-none absolute bg-sky-500/20 outline outline-1 outline-sky-600"
            style={{ left: brush.selection.left, width: brush.selection.width, top: MARGIN.top, height: TIMELINE_HEIGHT - 56 - MARGIN.top }}
          />
        )}
      </div>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Drag across the timeline to filter by date; click or press Enter on a mark to open its event.</p>
      {overlay && (
        <div className="mt-2" data-testid="timeline-overlay">
          <p className="text-xs font-medium">{overlay.label}</p>
          <BarChart responsive data={overlay.bars} style={{ width: "100%", height: TIMELINE_OVERLAY_HEIGHT }} margin={MARGIN} accessibilityLayer title={overlay.label}>
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
            <XAxis type="number" dataKey="x" domain={data.domain} ticks={ticks} hide />
            <YAxis width={LANE_AXIS_WIDTH} stroke="var(--chart-axis)" fontSize={11} tickFormatter={compactTick} />
            <Tooltip content={<OverlayTooltip />} />
            <Bar dataKey="min" stackId="v" fill="#009E73" barSize={10} isAnimationActive={false} name="Reported (lower end)" />
            <Bar dataKey="extra" stackId="v" fill="#009E73" fillOpacity={0.35} barSize={10} isAnimationActive={false} name="Range of reports" />
          </BarChart>
        </div>
      )}
    </div>
  );
}

type MarkProps = { cx?: number; cy?: number; fill?: string; payload?: TimelinePoint };

function TimelineMark({ cx = 0, cy = 0, fill, payload, shape }: MarkProps & { shape: MarkerShape }) {
  const router = useRouter();
  if (!payload) return null;
  const label = `${payload.title}, ${payload.dateLabel}${payload.figure ? `, ${payload.figure}` : ""}`;
  return (
    <a
      href={`/events/${payload.id}`}
      aria-label={label}
      data-event-id={payload.id}
      onClick={(event) => {
        event.preventDefault();
        router.push(`/events/${payload.id}`);
      }}
    >
      <Symbols cx={cx} cy={cy} type={shape} size={90} fill={fill} className="recharts-scatter-symbol" />
    </a>
  );
}

/** Pointer drag across the plot → from/to months in the URL. */
function useDateBrush(domain: [number, number], filters: DashboardFilters) {
  const router = useRouter();
  const pathname = usePathname();
  const start = useRef<{ x: number; plotLeft: number; plotWidth: number } | null>(null);
  const [selection, setSelection] = useState<{ left: number; width: number } | null>(null);
  const toTime = (x: number, plotLeft: number, plotWidth: number) => domain[0] + (Math.min(Math.max(x - plotLeft, 0), plotWidth) / plotWidth) * (domain[1] - domain[0]);

  const handlers = {
    onPointerDown(event: PointerEvent<HTMLDivElement>) {
      if ((event.target as Element).closest("a")) return; // clicking a mark opens it
      const box = event.currentTarget.getBoundingClientRect();
      const plotLeft = MARGIN.left + LANE_AXIS_WIDTH;
      start.current = { x: event.clientX - box.left, plotLeft, plotWidth: box.width - plotLeft - MARGIN.right };
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
      const { from, to } = brushToMonths(toTime(origin.x, origin.plotLeft, origin.plotWidth), toTime(x, origin.plotLeft, origin.plotWidth));
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

function TimelineTooltip({ active, payload }: { active?: boolean; payload?: { payload?: TimelinePoint }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="max-w-xs rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">{point.title}</p>
      <p className="text-zinc-500 dark:text-zinc-400">{point.dateLabel}</p>
      {point.figure && <p className="mt-1">{point.figure}</p>}
      {point.source && <p className="mt-1 text-zinc-500 dark:text-zinc-400">Source: {point.source}</p>}
    </div>
  );
}

function OverlayTooltip({ active, payload }: { active?: boolean; payload?: { payload?: OverlayBar }[] }) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        {bar.period}: {bar.label}
      </p>
      <p className="text-zinc-500 dark:text-zinc-400">from {bar.events} event figure(s)</p>
    </div>
  );
}

"use client";
// Events on a time axis, one lane per event type. Fed by lib/charts/timeline.ts.
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { TIMELINE_HEIGHT } from "@/lib/charts/dimensions";
import { yearTicks, type TimelineChartData, type TimelinePoint } from "@/lib/charts/timeline";

export function TimelineChart({ data }: { data: TimelineChartData }) {
  const laneLabels = new Map(data.series.map((s) => [s.lane, s.label]));
  return (
    <ScatterChart
      responsive
      style={{ width: "100%", height: TIMELINE_HEIGHT }}
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      accessibilityLayer
      title={`Timeline of ${data.eventCount} events by type`}
    >
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="x"
        domain={data.domain}
        ticks={yearTicks(data.domain)}
        tickFormatter={(value: number) => String(new Date(value).getUTCFullYear())}
        stroke="var(--chart-axis)"
        fontSize={12}
      />
      <YAxis
        type="number"
        dataKey="lane"
        domain={[-0.5, data.series.length - 0.5]}
        ticks={data.series.map((s) => s.lane)}
        tickFormatter={(lane: number) => laneLabels.get(lane) ?? ""}
        reversed
        width={112}
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
          shape={series.shape}
          isAnimationActive={false}
        />
      ))}
    </ScatterChart>
  );
}

function TimelineTooltip({ active, payload }: { active?: boolean; payload?: { payload?: TimelinePoint }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="max-w-xs rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">{point.title}</p>
      <p className="text-zinc-500 dark:text-zinc-400">{point.dateLabel}</p>
      {point.figure && <p className="mt-1">{point.figure}</p>}
      {point.outlet && <p className="mt-1 text-zinc-500 dark:text-zinc-400">Source: {point.outlet}</p>}
    </div>
  );
}

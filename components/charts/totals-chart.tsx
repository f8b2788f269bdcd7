"use client";
// Orders, stockpiles or penalties per company as horizontal bars: solid to the lowest reported
// figure, lighter to the highest; labels carry "~" and "≥" from the sources. A bar opens the
// company's page, where each figure links to its sentence.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { totalsChartHeight } from "@/lib/charts/dimensions";
import type { ExportBar } from "@/lib/export/spec";

type Row = ExportBar & { extra: number; link: string | null };

export function TotalsChart({ bars, links, title, color }: { bars: ExportBar[]; links: (string | null)[]; title: string; color: string }) {
  const router = useRouter();
  const data: Row[] = bars.map((bar, index) => ({ ...bar, extra: bar.high - bar.low, link: links[index] ?? null }));
  const open = (entry: unknown) => {
    const link = (entry as { payload?: Row }).payload?.link;
    if (link) router.push(link);
  };
  return (
    <BarChart
      responsive
      layout="vertical"
      data={data}
      style={{ width: "100%", height: totalsChartHeight(bars.length) }}
      margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
      accessibilityLayer
      title={title}
    >
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" hide />
      <YAxis type="category" dataKey="label" width={120} stroke="var(--chart-axis)" fontSize={12} interval={0} />
      {/* The stated total, "~" and "≥" included, at the end of each row. */}
      <YAxis
        yAxisId="labels"
        orientation="right"
        type="category"
        dataKey="valueLabel"
        width={136}
        axisLine={false}
        tickLine={false}
        fontSize={11}
        stroke="var(--chart-axis)"
        interval={0}
      />
      <Tooltip content={<TotalTooltip />} />
      <Bar dataKey="low" stackId="total" fill={color} isAnimationActive={false} name="Lowest reported" onClick={open} cursor="pointer" />
      <Bar dataKey="extra" stackId="total" fill={color} fillOpacity={0.35} isAnimationActive={false} name="Range of reports" onClick={open} cursor="pointer" />
    </BarChart>
  );
}

function TotalTooltip({ active, payload }: { active?: boolean; payload?: { payload?: Row }[] }) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        {bar.label}: {bar.valueLabel}
      </p>
      {bar.high > bar.low && <p className="text-zinc-500 dark:text-zinc-400">sources differ: the lighter part is the range of reports</p>}
    </div>
  );
}

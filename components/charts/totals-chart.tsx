"use client";
// Orders, stockpiles or penalties per company as horizontal bars: solid to the lowest reported
// figure, lighter to the highest; labels carry "~" and "≥" from the sources. Fed by lib/charts/totals.ts.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { TotalBar } from "@/lib/charts/totals";
import { totalsChartHeight } from "@/lib/charts/dimensions";

export function TotalsChart({ bars, title, color, query }: { bars: TotalBar[]; title: string; color: string; query: string }) {
  const router = useRouter();
  // A bar opens the company's page (same filters), where each figure links to its sentence.
  const open = (entry: unknown) => {
    const slug = (entry as { payload?: TotalBar }).payload?.slug;
    if (slug) router.push(`/companies/${slug}${query ? `?${query}` : ""}`);
  };
  return (
    <BarChart
      responsive
      layout="vertical"
      data={bars}
      style={{ width: "100%", height: totalsChartHeight(bars.length) }}
      margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
      accessibilityLayer
      title={title}
    >
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" hide />
      <YAxis type="category" dataKey="name" width={150} stroke="var(--chart-axis)" fontSize={12} interval={0} />
      {/* The stated total, "~" and "≥" included, at the end of each row (zero-width ranges get no bar label). */}
      <YAxis yAxisId="labels" orientation="right" type="category" dataKey="label" width={96} axisLine={false} tickLine={false} fontSize={12} stroke="var(--chart-axis)" interval={0} />
      <Tooltip content={<TotalTooltip />} />
      <Bar dataKey="min" stackId="total" fill={color} isAnimationActive={false} name="Lowest reported" onClick={open} cursor="pointer" />
      <Bar dataKey="extra" stackId="total" fill={color} fillOpacity={0.35} isAnimationActive={false} name="Range of reports" onClick={open} cursor="pointer" />
    </BarChart>
  );
}

function TotalTooltip({ active, payload }: { active?: boolean; payload?: { payload?: TotalBar }[] }) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        {bar.name}: {bar.label}
      </p>
      <p className="text-zinc-500 dark:text-zinc-400">
        from {bar.events} event figure{bar.events === 1 ? "" : "s"}
        {bar.lowerBound ? "; at least one source gave a lower bound" : ""}
      </p>
    </div>
  );
}

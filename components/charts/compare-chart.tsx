"use client";
// The comparison builder's chart: one bar per reported (or derived) value, normalised to the
// baseline when there is one; ranges drawn as ranges. Fed by lib/charts/compare.ts.
import { SourceKindTag } from "@/components/source-kind";
import { scaleLinear } from "d3-scale";
import { useRef } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useOpenFirstSource } from "@/components/charts/use-open-source";
import { useWidth } from "@/components/charts/use-width";
import { vendorCountryColor } from "@/lib/charts/company-colors";
import { compareRowLabel, type CompareRow } from "@/lib/charts/compare";
import { formatRatio } from "@/lib/metrics/format";
import { comparisonChartHeight } from "@/lib/charts/dimensions";

// Room for "CloudMatrix 384 (system) · 300 PFLOPS", but never more than 40% of the chart: on a
// phone the bars need the width (the label text wraps).
const COMPARE_LABEL_WIDTH = 200;
// With every metric, labels name the metric too ("Compute (BF16, dense) · ≥ 300 PFLOPS").
const EVERY_METRIC_LABEL_WIDTH = 260;

export function CompareChart({ rows, title, baselineName }: { rows: CompareRow[]; title: string; baselineName: string | null }) {
  const normalised = baselineName !== null && rows.every((row) => row.normalised !== null);
  const openSource = useOpenFirstSource();
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const severalMetrics = rows.some((row) => row.metric !== rows[0]?.metric);
  const labelWidth = Math.min(severalMetrics ? EVERY_METRIC_LABEL_WIDTH : COMPARE_LABEL_WIDTH, Math.floor((width ?? 1000) * 0.4));
  const data = rows.map((row) => {
    const scale = normalised && row.normalised !== null ? row.normalised / row.value : 1;
    const low = row.value * scale;
    return { ...row, label: compareRowLabel(row, rows), low, extra: row.valueMax !== null ? (row.valueMax - row.value) * scale : 0, color: vendorCountryColor(row.country).color };
  });
  // Round ticks (0.5×, 1×, 1.5× …, or 0, 20k, 40k …) on an axis that starts at zero.
  const axis = scaleLinear()
    .domain([0, Math.max(normalised ? 1 : 0, ...data.map((d) => d.low + d.extra)) || 1])
    .nice(6);
  const ticks = axis.ticks(6);
  const countries = [...new Map(rows.map((row) => [vendorCountryColor(row.country).label, vendorCountryColor(row.country).color])).entries()];
  return (
    <div ref={frame}>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height: comparisonChartHeight(rows.length) }}
        margin={{ top: 8, right: 32, bottom: 24, left: 8 }}
        accessibilityLayer
        title={title}
      >
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={axis.domain() as [number, number]}
          ticks={ticks}
          stroke="var(--chart-axis)"
          fontSize={12}
          tickFormatter={(value: number) => (normalised ? `${value}×` : Intl.NumberFormat("en-US", { notation: "compact" }).format(value))}
          label={normalised ? { value: `${baselineName} = 1×`, position: "insideBottom", offset: -16, fontSize: 12, fill: "var(--chart-axis)" } : undefined}
        />
        <YAxis type="category" dataKey="label" width={labelWidth} stroke="var(--chart-axis)" fontSize={12} interval={0} />
        {normalised && <ReferenceLine x={1} stroke="var(--chart-baseline)" strokeWidth={1.5} />}
        <Tooltip content={<CompareTooltip />} />
        <Bar dataKey="low" stackId="v" isAnimationActive={false} name="Reported" onClick={openSource} cursor="pointer">
          {data.map((d) => (
            <Cell key={d.key} fill={d.color} />
          ))}
        </Bar>
        <Bar dataKey="extra" stackId="v" fillOpacity={0.35} isAnimationActive={false} name="Range" onClick={openSource} cursor="pointer">
          {data.map((d) => (
            <Cell key={d.key} fill={d.color} />
          ))}
        </Bar>
      </BarChart>
      <ul className="mt-1 flex flex-wrap gap-x-4 text-xs text-zinc-700 dark:text-zinc-300" aria-label="Bar colours" data-testid="compare-legend">
        {countries.map(([label, color]) => (
          <li key={label} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block size-3 rounded-sm" style={{ backgroundColor: color }} />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CompareTooltip({ active, payload }: { active?: boolean; payload?: { payload?: CompareRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="max-w-sm rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        <span className="block text-zinc-600 dark:text-zinc-400">{row.metricLabel}</span>
        {row.name}: {row.display}
        {row.normalised !== null && ` (${formatRatio(row.normalised, row.normalisedBound)} baseline)`}
      </p>
      {row.derivation && <p className="mt-1">{row.derivation}</p>}
      {row.sources.map((source) => (
        <p key={source.factId} className="mt-1 text-zinc-600 dark:text-zinc-300">
          {source.outlet}
          <SourceKindTag kind={source.sourceKind} />: <span className="italic">“{source.quote}”</span>
        </p>
      ))}
    </div>
  );
}

"use client";
// One system relative to another (baseline = 1×), a bar per sourced report. Fed by
// lib/charts/comparison.ts; conflicting reports appear as separate bars with their sources.
import { SourceKindTag } from "@/components/source-kind";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useOpenFirstSource } from "@/components/charts/use-open-source";
import type { ComparisonRow } from "@/lib/charts/comparison";
import { comparisonChartHeight } from "@/lib/charts/dimensions";

export function ComparisonChart({ rows, subject, baseline }: { rows: ComparisonRow[]; subject: string; baseline: string }) {
  const openSource = useOpenFirstSource();
  const data = rows.map((row) => ({ ...row, name: `${row.label} · ${row.subjectDisplay}` }));
  return (
    <BarChart
      responsive
      layout="vertical"
      data={data}
      style={{ width: "100%", height: comparisonChartHeight(rows.length) }}
      margin={{ top: 8, right: 48, bottom: 24, left: 8 }}
      accessibilityLayer
      title={`${subject} relative to ${baseline}`}
    >
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        dataKey="ratio"
        stroke="var(--chart-axis)"
        fontSize={12}
        tickFormatter={(value: number) => `${value}×`}
        label={{ value: `${baseline} = 1×`, position: "insideBottom", offset: -16, fontSize: 12, fill: "var(--chart-axis)" }}
      />
      <YAxis type="category" dataKey="name" width={250} stroke="var(--chart-axis)" fontSize={12} interval={0} />
      <ReferenceLine x={1} stroke="var(--chart-baseline)" strokeWidth={1.5} />
      <Tooltip content={<ComparisonTooltip subject={subject} baseline={baseline} />} />
      <Bar dataKey="ratio" name={`${subject} ÷ ${baseline}`} fill="#E69F00" isAnimationActive={false} onClick={openSource} cursor="pointer" />
    </BarChart>
  );
}

type TooltipProps = { active?: boolean; payload?: { payload?: ComparisonRow }[]; subject: string; baseline: string };

function ComparisonTooltip({ active, payload, subject, baseline }: TooltipProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const prefix = row.ratioBound === "at_least" ? "≥ " : row.ratioBound === "at_most" ? "≤ " : row.ratioBound === "exact" ? "" : "~";
  return (
    <div className="max-w-sm rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        {row.label}: {prefix}
        {row.ratio.toFixed(2)}× {baseline}
      </p>
      {row.kind === "derived" ? (
        <p className="mt-1">
          {subject} {row.subjectDisplay} ÷ {baseline} {row.baselineDisplay} ({row.baselineSource?.outlet})
        </p>
      ) : (
        <p className="mt-1">Ratio stated by the source</p>
      )}
      {row.sources.map((source) => (
        <p key={source.factId} className="mt-1 text-zinc-600 dark:text-zinc-300">
          {source.outlet}
          <SourceKindTag kind={source.sourceKind} />: <span className="italic">“{source.quote}”</span>
        </p>
      ))}
    </div>
  );
}

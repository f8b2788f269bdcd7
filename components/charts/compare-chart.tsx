"use client";
// The comparison builder's chart: one bar per reported (or derived) value, normalised to the
// baseline when there is one; ranges drawn as ranges. Fed by lib/charts/compare.ts.
import { SourceKindTag } from "@/components/source-kind";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useOpenFirstSource } from "@/components/charts/use-open-source";
import type { CompareRow } from "@/lib/charts/compare";
import { comparisonChartHeight } from "@/lib/charts/dimensions";

export function CompareChart({ rows, title, baselineName }: { rows: CompareRow[]; title: string; baselineName: string | null }) {
  const normalised = baselineName !== null && rows.every((row) => row.normalised !== null);
  const openSource = useOpenFirstSource();
  const data = rows.map((row) => {
    const scale = normalised && row.normalised !== null ? row.normalised / row.value : 1;
    const low = row.value * scale;
    return { ...row, label: `${row.name} · ${row.display}`, low, extra: row.valueMax !== null ? (row.valueMax - row.value) * scale : 0 };
  });
  return (
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
        stroke="var(--chart-axis)"
        fontSize={12}
        tickFormatter={(value: number) => (normalised ? `${value}×` : Intl.NumberFormat("en-US", { notation: "compact" }).format(value))}
        label={normalised ? { value: `${baselineName} = 1×`, position: "insideBottom", offset: -16, fontSize: 12, fill: "var(--chart-axis)" } : undefined}
      />
      <YAxis type="category" dataKey="label" width={260} stroke="var(--chart-axis)" fontSize={12} interval={0} />
      {normalised && <ReferenceLine x={1} stroke="var(--chart-baseline)" strokeWidth={1.5} />}
      <Tooltip content={<CompareTooltip />} />
      <Bar dataKey="low" stackId="v" fill="#0072B2" isAnimationActive={false} name="Reported" onClick={openSource} cursor="pointer" />
      <Bar dataKey="extra" stackId="v" fill="#0072B2" fillOpacity={0.35} isAnimationActive={false} name="Range" onClick={openSource} cursor="pointer" />
    </BarChart>
  );
}

function CompareTooltip({ active, payload }: { active?: boolean; payload?: { payload?: CompareRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="max-w-sm rounded border border-zinc-300 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">
        {row.name}: {row.display}
        {row.normalised !== null && ` (${row.normalised.toFixed(2)}× baseline)`}
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

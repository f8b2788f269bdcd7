// The comparison builder: pick chips or systems, a metric (stated or derived) and a baseline.
// Every comparison is a shareable URL; the form updates it as you pick (and works without JavaScript).
import type { Metadata } from "next";
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { CompareForm } from "@/components/charts/compare-form";
import { CompareTable } from "@/components/charts/compare-table";
import { CompareChart } from "@/components/charts/lazy-charts";
import { compareMetricLabel, EVERY_METRIC } from "@/lib/charts/compare";
import { parseCompareParams, SYSTEMS_PRESET } from "@/lib/charts/compare-params";
import { comparisonQuery, loadComparison } from "@/lib/charts/compare-view";
import { comparisonChartHeight } from "@/lib/charts/dimensions";
import { chartImagePath } from "@/lib/export/build";
import type { RawSearchParams } from "@/lib/filters/schema";

export const metadata: Metadata = { title: "Compare chips and systems" };

type Props = { searchParams: Promise<RawSearchParams> };

export default async function ComparePage({ searchParams }: Props) {
  const { value: params, notices } = parseCompareParams(await searchParams);
  const view = await loadComparison(params);
  const { catalogue, chosen, unknown, metrics, metric, baseline, baselineName, staleBaseline, rows } = view;
  const title = `${compareMetricLabel(metric)}: ${chosen.map((c) => c.name).join(", ")}`;
  const query = comparisonQuery(view);
  const exportable = chosen.length >= 2 && metrics.length > 0;

  return (
    <div className="grid gap-6">
      <h1 className="text-xl font-semibold">Compare chips and systems</h1>
      <CompareForm className="grid gap-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
        {(["chip", "system"] as const).map((kind) => (
          <fieldset key={kind}>
            <legend className="mb-1 text-xs text-zinc-600 dark:text-zinc-400">{kind === "chip" ? "Chips" : "Rack systems and clusters"}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {catalogue
                .filter((item) => (item.kind === "system") === (kind === "system"))
                .map((item) => (
                  <label key={item.slug} className="inline-flex items-center gap-1">
                    <input type="checkbox" name="entity" value={item.slug} defaultChecked={params.entities.includes(item.slug)} />
                    {item.name}
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">({item.vendor})</span>
                  </label>
                ))}
            </div>
          </fieldset>
        ))}
        <div className="flex flex-wrap items-end gap-3">
          <label className="grid gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">Metric</span>
            <select name="metric" defaultValue={metric} className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700">
              {baseline && <option value={EVERY_METRIC}>{compareMetricLabel(EVERY_METRIC)} (relative to the baseline)</option>}
              {metrics.map((key) => (
                <option key={key} value={key}>
                  {compareMetricLabel(key)}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">Baseline (= 1×)</span>
            <select name="baseline" defaultValue={baseline ?? ""} className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700">
              <option value="">none (absolute values)</option>
              {chosen.map((item) => (
                <option key={item.slug} value={item.slug}>
                  {item.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded bg-zinc-900 px-3 py-1 text-white dark:bg-zinc-100 dark:text-zinc-900">
            Compare
          </button>
        </div>
      </CompareForm>

      {(notices.length > 0 || unknown.length > 0 || staleBaseline) && (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
          {staleBaseline && (
            <p data-testid="stale-baseline">
              The baseline {staleBaseline} is no longer among the chosen chips and systems: values are shown as stated. Pick a new baseline to compare relative to it.
            </p>
          )}
          {unknown.map((slug) => (
            <p key={slug}>
              <code>entity={slug}</code>: no such chip or system; ignored.
            </p>
          ))}
        </div>
      )}

      {chosen.length < 2 || metrics.length === 0 ? (
        <p className="rounded border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
          Pick at least two chips or systems that share a stated metric.{" "}
          <Link
            href={`/compare?${comparisonQuery({ chosen: SYSTEMS_PRESET.params.entities.map((slug) => ({ slug })), metric: SYSTEMS_PRESET.params.metric, baseline: SYSTEMS_PRESET.params.baseline })}`}
            className="text-sky-700 underline dark:text-sky-400"
          >
            Start from {SYSTEMS_PRESET.subject.name} vs {SYSTEMS_PRESET.baseline.name}?
          </Link>
        </p>
      ) : (
        <ChartFrame
          testId="compare-chart"
          exportable={exportable ? { imagePath: chartImagePath("compare", query) } : undefined}
          title={title}
          subtitle={
            baselineName
              ? `Relative to ${baselineName} (= 1×). Each bar is one reported value; conflicting reports appear side by side.`
              : "Absolute values; each bar is one reported value."
          }
          minHeight={comparisonChartHeight(rows.length)}
          chart={<CompareChart rows={rows} title={title} baselineName={baselineName} />}
          table={<CompareTable rows={rows} metric={metric} baselineName={baselineName} caption={title} />}
        />
      )}
    </div>
  );
}

// The rows behind a comparison chart, as a table: each reported value with its derivation and
// sources (the builder and the overview's preset show the same table).
import { SourceLinks } from "@/components/quote-link";
import { EVERY_METRIC, type CompareRow } from "@/lib/charts/compare";
import { formatRatio } from "@/lib/metrics/format";

export function CompareTable({ rows, metric, baselineName, caption }: { rows: CompareRow[]; metric: string; baselineName: string | null; caption: string }) {
  const everyMetric = metric === EVERY_METRIC;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs text-zinc-500 dark:text-zinc-400">
        <tr>
          {everyMetric && <th className="py-1 pr-2 font-medium">Metric</th>}
          <th className="py-1 pr-2 font-medium">Chip or system</th>
          <th className="py-1 pr-2 font-medium">Value</th>
          {baselineName && <th className="py-1 pr-2 font-medium">vs {baselineName}</th>}
          <th className="py-1 pr-2 font-medium">Derivation</th>
          <th className="py-1 font-medium">Sources</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {rows.map((row) => (
          <tr key={row.key}>
            {everyMetric && <td className="py-1 pr-2">{row.metricLabel}</td>}
            <td className="py-1 pr-2">
              {row.name}
              {row.best && <span className="ml-1 rounded bg-emerald-100 px-1 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">best</span>}
            </td>
            <td className="py-1 pr-2 tabular-nums">{row.display}</td>
            {baselineName && <td className="py-1 pr-2 tabular-nums">{row.normalised === null ? "—" : formatRatio(row.normalised, row.normalisedBound)}</td>}
            <td className="py-1 pr-2">{row.derivation ?? "stated"}</td>
            <td className="py-1">
              <SourceLinks sources={row.sources} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

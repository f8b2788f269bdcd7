// Loads what the comparison builder shows for its URL parameters: the chosen chips and systems,
// the metrics they share, and the rows of the chart. Shared by /compare and its image route.
import { comparableMetrics, EVERY_METRIC, toCompareRows } from "@/lib/charts/compare";
import type { CompareParams } from "@/lib/charts/compare-params";
import { listChipsAndSystems } from "@/lib/entities/queries";
import { listSpecFactsFor } from "@/lib/facts/queries";
import { cachedByDataVersion } from "@/lib/cache/query-cache";

async function loadComparisonFromDatabase(params: CompareParams) {
  const catalogue = await listChipsAndSystems();
  const known = new Map(catalogue.map((item) => [item.slug, item]));
  const chosen = params.entities
    .filter((slug) => known.has(slug))
    .map((slug) => {
      const item = known.get(slug)!;
      return { slug, name: item.name, kind: item.kind === "system" ? ("system" as const) : ("chip" as const), country: item.country };
    });
  const unknown = params.entities.filter((slug) => !known.has(slug));
  const facts = await listSpecFactsFor(chosen.map((c) => c.slug));
  const metrics = comparableMetrics(
    facts,
    chosen.map((c) => c.slug),
  );
  const baseline = chosen.some((c) => c.slug === params.baseline) ? params.baseline : null;
  // Every metric at once is relative to a baseline; without one, the first shared metric.
  const metric = (params.metric === EVERY_METRIC && baseline) || metrics.includes(params.metric) ? params.metric : (metrics[0] ?? params.metric);
  // A baseline that is no longer among the chosen (unticked, or an old link) is said, not dropped silently.
  const staleBaseline = params.baseline && !baseline ? (known.get(params.baseline)?.name ?? params.baseline) : null;
  const rows = toCompareRows(facts, chosen, metric, baseline);
  return {
    catalogue,
    chosen,
    unknown,
    facts,
    metrics,
    metric,
    baseline,
    baselineName: baseline ? known.get(baseline)!.name : null,
    staleBaseline,
    rows,
  };
}

export type LoadedComparison = Awaited<ReturnType<typeof loadComparison>>;

/** The query string that reproduces a comparison. */
export function comparisonQuery(view: { chosen: { slug: string }[]; metric: string; baseline: string | null }): URLSearchParams {
  const query = new URLSearchParams();
  for (const { slug } of view.chosen) query.append("entity", slug);
  query.set("metric", view.metric);
  if (view.baseline) query.set("baseline", view.baseline);
  return query;
}

// Cached per data version (lib/cache/query-cache.ts): pages and images repeat these reads.
export const loadComparison = cachedByDataVersion("loadComparison", loadComparisonFromDatabase);

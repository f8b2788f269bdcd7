// Builds a chart's export (marks, meta, rows) from the database for a filter scope. Used by the
// image routes and by pages, which hand the same export to the in-browser download menu.
import { comparedCompanies } from "@/lib/charts/company-colors";
import { TIMELINE_OVERLAYS, type TimelineOverlay } from "@/lib/charts/overlays";
import { toOverlayBars, toTimelineChartData } from "@/lib/charts/timeline";
import { listTimelineEvents } from "@/lib/events/queries";
import { compareMetricLabel } from "@/lib/charts/compare";
import { DEFAULT_COMPARISON, SYSTEMS_PRESET, type CompareParams } from "@/lib/charts/compare-params";
import { comparisonQuery, loadComparison, type LoadedComparison } from "@/lib/charts/compare-view";
import { compareExport, timelineExport, totalsExport, type ChartExport, type ChartName } from "@/lib/export/spec";
import { listFamilyBuckets, listFamilySources, listTotalsByCompany } from "@/lib/facts/queries";
import { describeFilters, describeSources, filterSlug } from "@/lib/filters/describe";
import { filtersToSearchParams } from "@/lib/filters/schema";
import { dateBounds } from "@/lib/filters/state";
import type { EventScope } from "@/lib/filters/scope";
import { HEADLINES, type MetricFamily } from "@/lib/metrics/registry";
import { cachedByDataVersion } from "@/lib/cache/query-cache";
import { getDataVersion } from "@/lib/data/version";

export const TOTALS_CHARTS = {
  orders: { family: "chips_ordered", title: "Chips ordered, by buyer", color: "#009E73" },
  stockpiles: { family: "stockpile", title: "Chips stockpiled, by holder", color: "#56B4E9" },
  penalties: { family: "penalty", title: "Penalties, by company", color: "#CC79A7" },
} as const satisfies Record<string, { family: MetricFamily; title: string; color: string }>;

export type ExportOptions = { origin: string; overlay?: TimelineOverlay | null; asOf?: string; dataVersion?: string; comparison?: CompareParams };

async function buildChartExportUncached(chart: ChartName, scope: EventScope, options: ExportOptions): Promise<ChartExport> {
  const current = options.asOf && options.dataVersion ? null : await getDataVersion();
  const asOf = options.asOf ?? current!.asOf;
  const dataVersion = options.dataVersion ?? String(current!.version);
  const query = filtersToSearchParams(scope.filters);
  if (options.overlay && chart === "timeline") query.set("overlay", options.overlay);
  const url = `${options.origin}/${query.size ? `?${query}` : ""}`;
  const subtitle = describeFilters(scope.filters, scope.companyNames);
  const base = { chart, subtitle, asOf, dataVersion, url, filterSlug: filterSlug(scope.filters), sourceScope: describeSources(scope.filters) };

  if (chart === "timeline") {
    const overlay = options.overlay ? TIMELINE_OVERLAYS[options.overlay] : null;
    const [{ rows: events, total }, buckets] = await Promise.all([
      listTimelineEvents(scope),
      overlay ? listFamilyBuckets(scope, overlay.family, overlay.bucket) : Promise.resolve(null),
    ]);
    const shown = events.length < total ? ` (latest ${events.length.toLocaleString("en-US")} shown)` : "";
    const title = `Timeline of ${total.toLocaleString("en-US")} US–China AI-chip event${total === 1 ? "" : "s"}${shown}`;
    return timelineExport(
      { ...base, title },
      events,
      toTimelineChartData(events, total, dateBounds(scope.filters), comparedCompanies(scope.filters.companies, scope.companyNames)),
      overlay && buckets ? { label: overlay.label, bars: toOverlayBars(buckets, overlay.bucket) } : null,
    );
  }
  if (chart === "compare") return compareViewExport(await loadComparison(options.comparison ?? DEFAULT_COMPARISON), options.origin, asOf, { chart, dataVersion });
  // The overview's panel is the builder's preset, exported as the builder exports it.
  if (chart === "comparison") {
    const { subject, baseline, params } = SYSTEMS_PRESET;
    return compareViewExport(await loadComparison(params), options.origin, asOf, { chart, dataVersion, title: `${subject.name} vs ${baseline.name}` });
  }
  const totals = TOTALS_CHARTS[chart];
  const rows = await listTotalsByCompany(scope, totals.family);
  const sources = await listFamilySources(
    scope,
    totals.family,
    rows.map((row) => ({ slug: row.slug, name: row.name })),
  );
  // The chart says what it counts, on the page and in every exported file.
  return totalsExport({ ...base, title: totals.title, subtitle: `${subtitle} · counts ${HEADLINES[totals.family].rule}` }, rows, sources, totals.color);
}

/** The comparison builder's export, from a comparison already loaded (the /compare page has one). */
function compareViewExport(view: LoadedComparison, origin: string, asOf: string, as: { chart: "compare" | "comparison"; dataVersion?: string; title?: string }) {
  const dates = new Map(view.facts.map((fact) => [fact.id, fact.article.publishedAt]));
  const urls = new Map(view.facts.map((fact) => [fact.id, fact.article.url]));
  const query = comparisonQuery(view);
  const meta = {
    chart: as.chart,
    dataVersion: as.dataVersion,
    title: as.title ?? `${compareMetricLabel(view.metric)}: ${view.chosen.map((c) => c.name).join(", ")}`,
    subtitle: view.baselineName ? `Relative to ${view.baselineName} (= 1×), one bar per reported value` : "One bar per reported value",
    asOf,
    url: `${origin}/compare?${query}`,
    filterSlug: query.getAll("entity").join("-").slice(0, 80),
  };
  return compareExport(meta, view.rows, urls, dates, view.baselineName);
}

/** The image route for a chart under the same filters, e.g. /api/charts/timeline.png?company=nvidia. */
export function chartImagePath(chart: ChartName, query: URLSearchParams): string {
  return `/api/charts/${chart}.png${query.size ? `?${query}` : ""}`;
}

// Cached per data version (lib/cache/query-cache.ts): pages and images repeat these reads.
export const buildChartExport = cachedByDataVersion("buildChartExport", buildChartExportUncached);

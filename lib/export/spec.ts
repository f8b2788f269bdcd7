// What an exported chart contains — marks, title, subtitle, sources, counts, "as of", URL — and
// the rows of its CSV/JSON. Built by pure functions from query rows, so the page (browser
// download) and the image route (server) produce the same image from the same data.
import { compareRowLabel, type CompareRow } from "@/lib/charts/compare";
import type { OverlayBar, TimelineChartData } from "@/lib/charts/timeline";
import { toTotalBars } from "@/lib/charts/totals";
import { vendorCountryColor } from "@/lib/charts/company-colors";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { formatPartialDate } from "@/lib/events/partial-date";
import type { TimelineEventRow } from "@/lib/events/queries";
import type { CompanyTotal, FigureSource } from "@/lib/facts/queries";
import { formatRatio, formatWithUsd } from "@/lib/metrics/format";
import { describeMetric } from "@/lib/metrics/registry";
import { sourceName } from "@/lib/sources/kinds";
import type { SourceKind } from "@/lib/generated/prisma/enums";

export type ChartName = "timeline" | "comparison" | "compare" | "orders" | "stockpiles" | "penalties";
export const CHART_NAMES: ChartName[] = ["timeline", "comparison", "compare", "orders", "stockpiles", "penalties"];

/** A source as exports name it: the outlet's name, the kind of source, its latest date. */
export type ExportSource = { outlet: string; kind: SourceKind; date: string | null };

export type ExportMeta = {
  chart: ChartName;
  title: string;
  subtitle: string;
  sources: ExportSource[];
  factCount: number;
  /** ISO date the data last changed. */
  asOf: string;
  /**
   * The data version the export shows (it changes with every write): with the revisions API
   * (/api/v1/revisions) a reader can tell which corrections it includes.
   */
  dataVersion?: string;
  /** The URL that reproduces the view. */
  url: string;
  /** Filter words for file names ("nvidia-penalty-2025-01-2025-12"). */
  filterSlug: string;
  /** "Primary sources only" when the view counts only some kinds of source; printed with the sources. */
  sourceScope?: string | null;
};

export type ExportRow = Record<string, string | number | null>;

export type TimelineExport = {
  kind: "timeline";
  meta: ExportMeta;
  data: TimelineChartData;
  overlay: { label: string; bars: OverlayBar[] } | null;
  rows: ExportRow[];
};

export type ExportBar = { label: string; low: number; high: number; valueLabel: string };

export type BarsExport = {
  kind: "bars";
  meta: ExportMeta;
  bars: ExportBar[];
  /** Where each bar leads in the dashboard (company page or quote), aligned with `bars`. */
  links: (string | null)[];
  color: string;
  /** Per bar, when bars differ (a comparison coloured by vendor country); else `color` for all. */
  colors?: string[];
  /** Where the baseline (1×) line goes, for normalised comparisons. */
  reference: { value: number; label: string } | null;
  rows: ExportRow[];
};

export type ChartExport = TimelineExport | BarsExport;

type MetaInput = Omit<ExportMeta, "sources" | "factCount">;

export function timelineExport(meta: MetaInput, events: TimelineEventRow[], data: TimelineChartData, overlay: TimelineExport["overlay"]): TimelineExport {
  const origin = new URL(meta.url).origin;
  // Machine-readable first (ISO date of the period's first day with its precision, numbers as
  // numbers in the unit the source used, ids), then the words the table view shows.
  const rows = events.map((event) => {
    const figure = event.keyFigure;
    return {
      date: event.date,
      date_precision: event.datePrecision,
      date_label: formatPartialDate(new Date(`${event.date}T00:00:00Z`), event.datePrecision),
      type: EVENT_TYPE_STYLES[event.type].label,
      event: event.title,
      key_figure: figure ? `${describeMetric(figure.metric, figure.qualifiers ?? null)}: ${formatWithUsd(figure, figure.usd ?? null)}` : null,
      metric: figure?.metric ?? null,
      value: figure?.value ?? null,
      value_max: figure?.valueMax ?? null,
      unit: figure?.unit ?? null,
      bound: figure?.bound ?? null,
      value_usd: figure?.usd?.value ?? null,
      source: event.outlet,
      source_kind: event.sourceKind,
      source_url: figure?.url ?? event.sourceUrl,
      quote: figure?.quote ?? null,
      event_id: event.id,
      fact_id: figure?.factId ?? null,
      article_id: figure?.articleId ?? null,
      event_url: `${origin}/events/${event.id}`,
    };
  });
  return {
    kind: "timeline",
    meta: {
      ...meta,
      sources: rankSources(
        events.map((event) => ({
          outlet: event.outlet || event.sourceUrl ? sourceName({ url: event.sourceUrl, outlet: event.outlet }) : null,
          kind: event.sourceKind,
          date: event.sourcePublished,
        })),
      ),
      factCount: events.filter((event) => event.keyFigure).length,
    },
    data,
    overlay,
    rows,
  };
}

export function totalsExport(meta: MetaInput, totals: CompanyTotal[], sources: FigureSource[], color: string): BarsExport {
  const bars = toTotalBars(totals);
  return {
    kind: "bars",
    meta: { ...meta, sources: rankSources(sources.map((s) => ({ outlet: sourceName(s), kind: s.sourceKind, date: s.published }))), factCount: sources.length },
    bars: bars.map((bar) => ({ label: bar.name, low: bar.min, high: bar.min + bar.extra, valueLabel: bar.label })),
    links: bars.map((bar) => (bar.slug ? `/companies/${bar.slug}` : null)),
    color,
    reference: null,
    rows: bars.map((bar) => {
      const mine = sources.filter((source) => source.company === bar.name);
      return {
        company: bar.name,
        total: bar.label,
        low: bar.min,
        high: bar.min + bar.extra,
        event_figures: bar.events,
        // Money totals are in US dollars; what was converted, and at which rate, is in `amounts`.
        unit: bar.unit,
        converted_from: bar.convertedFrom.join(" ") || null,
        figures_without_rate: bar.unconverted,
        amounts: mine.map((s) => s.amount).join(" | "),
        source_urls: mine.map((s) => s.url ?? s.outlet ?? "").join(" | "),
        source_kinds: mine.map((s) => s.sourceKind ?? "other").join(" | "),
        quotes: mine.map((s) => s.quote).join(" | "),
      };
    }),
  };
}

export function compareExport(meta: MetaInput, rows: CompareRow[], urls: Map<number, string | null>, dates: Map<number, string | null>, baselineName: string | null): BarsExport {
  const normalised = baselineName !== null && rows.every((row) => row.normalised !== null);
  return {
    kind: "bars",
    meta: {
      ...meta,
      sources: rankSources(rows.flatMap((row) => row.sources.map((s) => ({ outlet: sourceName(s), kind: s.sourceKind, date: dates.get(s.factId) ?? null })))),
      factCount: rows.reduce((sum, row) => sum + row.sources.length, 0),
    },
    bars: rows.map((row) => {
      const scale = normalised ? row.normalised! / row.value : 1;
      return {
        label: compareRowLabel(row, rows),
        low: row.value * scale,
        high: (row.valueMax ?? row.value) * scale,
        valueLabel: normalised ? formatRatio(row.normalised!, row.normalisedBound) : row.display,
      };
    }),
    links: rows.map((row) => (row.sources[0] ? `/articles/${row.sources[0].articleId}#fact-${row.sources[0].factId}` : null)),
    color: "#0072B2",
    colors: rows.map((row) => vendorCountryColor(row.country).color),
    reference: normalised ? { value: 1, label: `${baselineName} = 1×` } : null,
    rows: rows.map((row) => ({
      metric: row.metricLabel,
      name: row.name,
      kind: row.kind,
      vendor_country: row.country,
      value: row.display,
      vs_baseline: row.normalised === null ? null : Number(row.normalised.toFixed(4)),
      derivation: row.derivation ?? "stated",
      source_urls: row.sources.map((s) => urls.get(s.factId) ?? s.outlet ?? "").join(" | "),
      source_kinds: row.sources.map((s) => s.sourceKind ?? "other").join(" | "),
      quotes: row.sources.map((s) => s.quote).join(" | "),
    })),
  };
}

/** Distinct outlets, most cited first, each with its kind and latest publication date. */
export function rankSources(sources: { outlet: string | null; kind: SourceKind | null; date: string | null }[]): ExportSource[] {
  const byOutlet = new Map<string, { count: number; kind: SourceKind; date: string | null }>();
  for (const { outlet, kind, date } of sources) {
    if (!outlet) continue;
    const entry = byOutlet.get(outlet) ?? { count: 0, kind: kind ?? "other", date: null };
    entry.count += 1;
    if (date && (!entry.date || date > entry.date)) entry.date = date;
    byOutlet.set(outlet, entry);
  }
  return [...byOutlet].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).map(([outlet, { kind, date }]) => ({ outlet, kind, date }));
}

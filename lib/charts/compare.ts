// Pure mapper for the comparison builder: chips or systems on one metric — stated, or derived from
// stated facts (performance per watt, per dollar) with the derivation spelled out — normalised to
// a baseline. Every reported value (and every pairing of reports, for derived metrics) is a row.
import type { SourcedFact } from "@/lib/facts/queries";
import type { Bound, SourceKind } from "@/lib/generated/prisma/enums";
import { combineBounds } from "@/lib/charts/comparison";
import { formatQuantity } from "@/lib/metrics/format";
import { betterDirection, DERIVED_METRICS, describeSeries, getMetric, seriesKey, specMetrics } from "@/lib/metrics/registry";
import { convertValue } from "@/lib/metrics/units";

type Source = { factId: number; articleId: number; outlet: string | null; url: string | null; sourceKind: SourceKind | null; quote: string };

/** A chip or system on the comparison: `kind` groups chips apart from rack systems, `country` colours the bar. */
export type CompareEntity = { slug: string; name: string; kind?: "chip" | "system"; country?: string | null };

export type CompareRow = {
  key: string;
  entity: string;
  name: string;
  kind: "chip" | "system" | null;
  /** The vendor's country (ISO 3166 alpha-2), which colours the bar. */
  country: string | null;
  value: number;
  valueMax: number | null;
  bound: Bound;
  display: string;
  /** value ÷ the baseline's first reported value; null when the baseline has none. */
  normalised: number | null;
  /** The best reported value on a metric with a direction (lowest power, highest compute). */
  best: boolean;
  derivation: string | null;
  sources: Source[];
};

export type DerivedMetric = (typeof DERIVED_METRICS)[DerivedMetricKey];
export type DerivedMetricKey = keyof typeof DERIVED_METRICS;

export function isDerivedMetric(key: string): key is DerivedMetricKey {
  return Object.hasOwn(DERIVED_METRICS, key);
}

/** The series a fact belongs to: its metric and qualifiers ("compute:FP8"). */
function seriesOf(fact: SourcedFact): string {
  return seriesKey(fact.metric, fact.qualifiers);
}

export function compareMetricLabel(key: string): string {
  if (isDerivedMetric(key)) return DERIVED_METRICS[key].label;
  const direction = betterDirection(key);
  return `${describeSeries(key)}${direction ? ` — ${direction} is better` : ""}`;
}

/** A bar's label: name and value, and whether it is a rack system when chips are shown too. */
export function compareRowLabel(row: CompareRow, rows: CompareRow[]): string {
  const mixed = rows.some((r) => r.kind === "system") && rows.some((r) => r.kind === "chip");
  return `${row.name}${mixed && row.kind === "system" ? " (system)" : ""} · ${row.display}`;
}

/** Which way is better on a comparison metric (stated series or derived), for ranking. */
export function compareDirection(key: string): "higher" | "lower" | null {
  return betterDirection(key);
}

export function toCompareRows(facts: SourcedFact[], entities: CompareEntity[], metric: string, baseline: string | null): CompareRow[] {
  const rowsFor = (slug: string, name: string) => (isDerivedMetric(metric) ? derivedRows(facts, slug, name, DERIVED_METRICS[metric]) : statedRows(facts, slug, name, metric));
  const rows = entities.flatMap((entity) => rowsFor(entity.slug, entity.name).map((row) => ({ ...row, kind: entity.kind ?? null, country: entity.country ?? null })));
  const reference = rows.find((row) => row.entity === baseline);
  const direction = compareDirection(metric);
  // Chips before rack systems (a system holds hundreds of chips: the two are never ranked as one
  // list); within each, best first where the registry says which way is better, else as chosen.
  const group = (row: CompareRow) => (row.kind === "system" ? 1 : 0);
  const ranked = [...rows].sort((a, b) => group(a) - group(b) || (direction === "higher" ? b.value - a.value : direction === "lower" ? a.value - b.value : 0));
  const bestOf = (kind: CompareRow["kind"]) => ranked.find((row) => row.kind === kind)?.value;
  return ranked.map((row) => ({
    ...row,
    normalised: reference && reference.value !== 0 ? row.value / reference.value : null,
    best: direction !== null && rows.length > 1 && row.value === bestOf(row.kind),
  }));
}

function statedRows(facts: SourcedFact[], slug: string, name: string, series: string): CompareRow[] {
  const unit = getMetric(series.split(":")[0] ?? "")?.unit;
  if (!unit) return [];
  const groups = new Map<string, CompareRow>();
  for (const fact of facts.filter((f) => f.subject === slug && seriesOf(f) === series)) {
    const value = convertValue(fact.value, fact.unit, unit);
    if (value === undefined) continue;
    const valueMax = fact.valueMax === null ? null : (convertValue(fact.valueMax, fact.unit, unit) ?? null);
    const key = `${slug}:${value}:${valueMax}:${fact.bound}`;
    const row = groups.get(key) ?? {
      key,
      entity: slug,
      name,
      kind: null,
      country: null,
      value,
      valueMax,
      bound: fact.bound,
      display: formatQuantity({ value, valueMax, unit, bound: fact.bound }),
      normalised: null,
      best: false,
      derivation: null,
      sources: [],
    };
    if (!row.sources.some((s) => s.articleId === fact.article.id)) row.sources.push(sourceOf(fact));
    groups.set(key, row);
  }
  return [...groups.values()];
}

function derivedRows(facts: SourcedFact[], slug: string, name: string, derived: DerivedMetric): CompareRow[] {
  const reports = (series: readonly string[], unit: string) =>
    facts
      .filter((f) => f.subject === slug && series.includes(seriesOf(f)) && f.valueMax === null)
      .map((fact) => ({ fact, value: convertValue(fact.value, fact.unit, unit) }))
      .filter((r): r is { fact: SourcedFact; value: number } => r.value !== undefined && r.value > 0)
      // One report per distinct value: the same number from two pages adds no information here.
      .filter((r, index, all) => all.findIndex((o) => o.value === r.value && o.fact.bound === r.fact.bound) === index);
  const rows: CompareRow[] = [];
  const scale = derived.denominator.unit === "USD" ? 1e6 : 1;
  for (const top of reports(derived.numerator.series, derived.numerator.unit)) {
    for (const bottom of reports(derived.denominator.series, derived.denominator.unit)) {
      const value = top.value / (bottom.value / scale);
      const bound = combineBounds(top.fact.bound, invert(bottom.fact.bound));
      rows.push({
        key: `${slug}:${top.fact.id}:${bottom.fact.id}`,
        entity: slug,
        name,
        kind: null,
        country: null,
        value,
        valueMax: null,
        bound,
        display: `${bound === "approx" ? "~" : bound === "at_least" ? "≥ " : bound === "at_most" ? "≤ " : ""}${Number(value.toPrecision(3)).toLocaleString("en-US")} ${derived.unit}`,
        normalised: null,
        best: false,
        derivation: `${formatQuantity(top.fact)} ÷ ${formatQuantity(bottom.fact)}, from ${top.fact.article.outlet ?? "source"}${
          bottom.fact.article.outlet === top.fact.article.outlet ? "" : ` and ${bottom.fact.article.outlet ?? "source"}`
        }`,
        sources: [sourceOf(top.fact), ...(bottom.fact.article.id === top.fact.article.id ? [] : [sourceOf(bottom.fact)])],
      });
    }
  }
  return rows;
}

/** Dividing by a lower bound gives an upper bound, and the reverse. */
function invert(bound: Bound): Bound {
  return bound === "at_least" ? "at_most" : bound === "at_most" ? "at_least" : bound;
}

function sourceOf(fact: SourcedFact): Source {
  return { factId: fact.id, articleId: fact.article.id, outlet: fact.article.outlet, url: fact.article.url, sourceKind: fact.article.sourceKind, quote: fact.quote };
}

/** Series (stated and derived) for which at least two of the entities have a value. */
export function comparableMetrics(facts: SourcedFact[], slugs: string[]): string[] {
  const specs = new Set<string>(specMetrics());
  const stated = [...new Set(facts.filter((f) => specs.has(f.metric)).map(seriesOf))].sort().filter((series) => {
    return new Set(facts.filter((f) => seriesOf(f) === series && slugs.includes(f.subject ?? "")).map((f) => f.subject)).size >= 2;
  });
  const derived = (Object.keys(DERIVED_METRICS) as DerivedMetricKey[]).filter(
    (key) =>
      new Set(
        toCompareRows(
          facts,
          slugs.map((slug) => ({ slug, name: slug })),
          key,
          null,
        ).map((row) => row.entity),
      ).size >= 2,
  );
  return [...stated, ...derived];
}

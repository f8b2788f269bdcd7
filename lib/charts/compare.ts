// Pure mapper for the comparison builder: chips or systems on one metric — stated, or derived from
// stated facts (performance per watt, per dollar) with the derivation spelled out — normalised to
// a baseline; or on every metric they share, relative to the baseline (EVERY_METRIC: the
// overview's CloudMatrix 384 vs GB200 NVL72 panel is this, as a preset). Every reported value
// (and every pairing of reports, for derived metrics) is a row; where sources disagree, both are.
import type { SourcedFact } from "@/lib/facts/queries";
import type { Bound, SourceKind } from "@/lib/generated/prisma/enums";
import { formatQuantity } from "@/lib/metrics/format";
import { betterDirection, DERIVED_METRICS, describeSeries, getMetric, seriesKey, specMetrics } from "@/lib/metrics/registry";
import { convertValue } from "@/lib/metrics/units";

type Source = { factId: number; articleId: number; outlet: string | null; url: string | null; sourceKind: SourceKind | null; quote: string };

/** A chip or system on the comparison: `kind` groups chips apart from rack systems, `country` colours the bar. */
export type CompareEntity = { slug: string; name: string; kind?: "chip" | "system"; country?: string | null };

export type CompareRow = {
  key: string;
  /** The series (or derived metric) of the row, and how a reader names it. */
  metric: string;
  metricLabel: string;
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
  /** How exact that ratio is: a lower bound over an exact value stays a lower bound. */
  normalisedBound: Bound | null;
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

/** The builder's "every metric" choice: each metric the chosen share, relative to the baseline. */
export const EVERY_METRIC = "all";

export function compareMetricLabel(key: string): string {
  if (key === EVERY_METRIC) return "Every shared metric";
  if (isDerivedMetric(key)) return DERIVED_METRICS[key].label;
  const direction = betterDirection(key);
  return `${describeSeries(key)}${direction ? ` — ${direction} is better` : ""}`;
}

/**
 * A bar's label: name and value, and whether it is a rack system when chips are shown too; with
 * several metrics, the metric first (and the name only when more than one is compared).
 */
export function compareRowLabel(row: CompareRow, rows: CompareRow[]): string {
  const mixed = rows.some((r) => r.kind === "system") && rows.some((r) => r.kind === "chip");
  const name = `${row.name}${mixed && row.kind === "system" ? " (system)" : ""}`;
  if (rows.some((r) => r.metric !== row.metric))
    return `${row.metricLabel.replace(/ — (higher|lower) is better$/, "")} · ${new Set(rows.map((r) => r.entity)).size > 1 ? `${name} ` : ""}${row.display}`;
  return `${name} · ${row.display}`;
}

/** Which way is better on a comparison metric (stated series or derived), for ranking. */
export function compareDirection(key: string): "higher" | "lower" | null {
  return betterDirection(key);
}

export function toCompareRows(facts: SourcedFact[], entities: CompareEntity[], metric: string, baseline: string | null): CompareRow[] {
  if (metric === EVERY_METRIC) return everyMetricRows(facts, entities, baseline);
  const rowsFor = (slug: string, name: string) => (isDerivedMetric(metric) ? derivedRows(facts, slug, name, metric) : statedRows(facts, slug, name, metric));
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
    normalisedBound: reference ? combineBounds(row.bound, reference.bound) : null,
    best: direction !== null && rows.length > 1 && row.value === bestOf(row.kind),
  }));
}

/**
 * Every series the entities share with the baseline, each entity's reports divided by the
 * baseline's first report in that series (units converted first), and ratios the sources state
 * themselves ("40% more than an NVL72"). Higher-is-better metrics come first, then lower-is-better,
 * then those with no direction: "more" never means better and worse on one unlabelled axis.
 */
function everyMetricRows(facts: SourcedFact[], entities: CompareEntity[], baseline: string | null): CompareRow[] {
  const base = entities.find((entity) => entity.slug === baseline);
  if (!base) return [];
  const others = entities.filter((entity) => entity !== base);
  const withEntity = (row: CompareRow, entity: CompareEntity): CompareRow => ({ ...row, kind: entity.kind ?? null, country: entity.country ?? null });
  const rows: CompareRow[] = [];
  for (const series of [...new Set(facts.map(seriesOf))].sort()) {
    const definition = getMetric(series.split(":")[0] ?? "");
    if (!definition) continue;
    if (definition.relative) {
      const label = `${describeSeries(series).replace(/ relative to baseline/, "")} (stated ratio)`;
      for (const entity of others) {
        for (const row of statedRows(
          facts.filter((f) => f.object === base.slug),
          entity.slug,
          entity.name,
          series,
        )) {
          rows.push(
            withEntity({ ...row, metricLabel: label, normalised: row.value, normalisedBound: row.bound, derivation: `ratio to ${base.name} stated by the source` }, entity),
          );
        }
      }
      continue;
    }
    const reference = statedRows(facts, base.slug, base.name, series)[0];
    if (!reference || reference.value === 0) continue;
    for (const entity of others) {
      for (const row of statedRows(facts, entity.slug, entity.name, series)) {
        rows.push(
          withEntity(
            {
              ...row,
              normalised: row.value / reference.value,
              normalisedBound: combineBounds(row.bound, reference.bound),
              derivation: `${row.display} ÷ ${reference.display} for ${base.name} (${reference.sources[0]?.outlet ?? "source"})`,
            },
            entity,
          ),
        );
      }
    }
  }
  const order = { higher: 0, lower: 1, none: 2 };
  const position = new Map(entities.map((entity, index) => [entity.slug, index]));
  return rows.sort(
    (a, b) =>
      order[betterDirection(a.metric) ?? "none"] - order[betterDirection(b.metric) ?? "none"] ||
      a.metricLabel.localeCompare(b.metricLabel) ||
      position.get(a.entity)! - position.get(b.entity)! ||
      a.normalised! - b.normalised!,
  );
}

function statedRows(facts: SourcedFact[], slug: string, name: string, series: string): CompareRow[] {
  const unit = getMetric(series.split(":")[0] ?? "")?.unit;
  if (!unit) return [];
  const groups = new Map<string, CompareRow>();
  for (const fact of facts.filter((f) => f.subject === slug && seriesOf(f) === series)) {
    const value = convertValue(fact.value, fact.unit, unit);
    if (value === undefined) continue;
    const valueMax = fact.valueMax === null ? null : (convertValue(fact.valueMax, fact.unit, unit) ?? null);
    const key = `${series}:${slug}:${value}:${valueMax}:${fact.bound}`;
    const row = groups.get(key) ?? {
      key,
      metric: series,
      metricLabel: compareMetricLabel(series),
      entity: slug,
      name,
      kind: null,
      country: null,
      value,
      valueMax,
      bound: fact.bound,
      display: formatQuantity({ value, valueMax, unit, bound: fact.bound }),
      normalised: null,
      normalisedBound: null,
      best: false,
      derivation: null,
      sources: [],
    };
    if (!row.sources.some((s) => s.articleId === fact.article.id)) row.sources.push(sourceOf(fact));
    groups.set(key, row);
  }
  return [...groups.values()];
}

function derivedRows(facts: SourcedFact[], slug: string, name: string, key: DerivedMetricKey): CompareRow[] {
  const derived: DerivedMetric = DERIVED_METRICS[key];
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
        metric: key,
        metricLabel: derived.label,
        entity: slug,
        name,
        kind: null,
        country: null,
        value,
        valueMax: null,
        bound,
        display: `${bound === "approx" ? "~" : bound === "at_least" ? "≥ " : bound === "at_most" ? "≤ " : ""}${Number(value.toPrecision(3)).toLocaleString("en-US")} ${derived.unit}`,
        normalised: null,
        normalisedBound: null,
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

/**
 * The bound of a ratio of two stated values: a lower bound over an exact value stays a lower
 * bound; anything hedged or mixed is at best approximate.
 */
export function combineBounds(numerator: Bound, denominator: Bound): Bound {
  if (denominator === "exact" && (numerator === "exact" || numerator === "at_least" || numerator === "at_most")) return numerator;
  return numerator === "exact" && denominator === "exact" ? "exact" : "approx";
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

// Pure mapper: spec facts about two chips or systems → rows of "subject relative to baseline".
// Each distinct reported value is its own row, so where sources disagree (559 kW vs ~600 kW) both
// are shown; sources that agree are listed together on one row.
import type { SourcedFact } from "@/lib/facts/queries";
import type { Bound, SourceKind } from "@/lib/generated/prisma/enums";
import { formatQuantity } from "@/lib/metrics/format";
import { betterDirection, describeSeries, getMetric, seriesKey } from "@/lib/metrics/registry";
import { convertValue } from "@/lib/metrics/units";

export type ComparisonRow = {
  key: string;
  metric: string;
  label: string;
  /** Subject ÷ baseline; the baseline is 1. */
  ratio: number;
  ratioBound: Bound;
  subjectDisplay: string;
  baselineDisplay: string;
  /** "stated" when the source itself gave the ratio ("40% more than an NVL72"). */
  kind: "derived" | "stated";
  /** Which way is better on this metric (more compute, less power); rows are grouped by it. */
  better: "higher" | "lower" | null;
  /** Every source that reports this value; agreeing reports share one row. */
  sources: { factId: number; articleId: number; outlet: string | null; url: string | null; sourceKind: SourceKind | null; quote: string }[];
  baselineSource: { factId: number; outlet: string | null; quote: string } | null;
};

export function toComparisonRows(facts: SourcedFact[], subject: string, baseline: string): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  // One series per metric and qualifiers: compute at FP8 is never set against compute at BF16.
  const seriesOf = (fact: SourcedFact) => seriesKey(fact.metric, fact.qualifiers);
  const bySubject = (slug: string, series: string) => groupReports(facts.filter((f) => f.subject === slug && seriesOf(f) === series));
  const allSeries = [...new Set(facts.map(seriesOf))];

  for (const metric of allSeries) {
    const definition = getMetric(metric.split(":")[0] ?? "");
    if (!definition) continue;
    if (definition.relative) {
      for (const { fact, sources } of bySubject(subject, metric).filter((r) => r.fact.object === baseline)) {
        rows.push({
          key: `${metric}:${fact.id}`,
          metric,
          label: `${describeSeries(metric).replace(/ relative to baseline/, "")} (stated ratio)`,
          ratio: fact.value,
          ratioBound: fact.bound,
          subjectDisplay: formatQuantity(fact),
          baselineDisplay: "1×",
          kind: "stated",
          better: betterDirection(metric),
          sources,
          baselineSource: null,
        });
      }
      continue;
    }
    const reference = bySubject(baseline, metric)[0]?.fact;
    if (!reference) continue;
    const referenceValue = convertValue(reference.value, reference.unit, definition.unit);
    if (!referenceValue) continue;
    for (const { fact, sources } of bySubject(subject, metric)) {
      const value = convertValue(fact.value, fact.unit, definition.unit);
      if (value === undefined) continue;
      rows.push({
        key: `${metric}:${fact.id}`,
        metric,
        label: describeSeries(metric),
        ratio: value / referenceValue,
        ratioBound: combineBounds(fact.bound, reference.bound),
        subjectDisplay: formatQuantity(fact),
        baselineDisplay: formatQuantity(reference),
        kind: "derived",
        better: betterDirection(metric),
        sources,
        baselineSource: { factId: reference.id, outlet: reference.article.outlet, quote: reference.quote },
      });
    }
  }
  // "More is better" and "more is worse" never sit in one unlabelled list: higher-is-better metrics
  // first, then lower-is-better, then those with no direction; each row says which.
  const order = { higher: 0, lower: 1, none: 2 };
  return rows
    .map((row) => ({ ...row, label: row.better ? `${row.label} — ${row.better} is better` : row.label }))
    .sort((a, b) => order[a.better ?? "none"] - order[b.better ?? "none"] || a.label.localeCompare(b.label) || a.ratio - b.ratio);
}

/**
 * Groups reports of one value (same number, range and bound) so agreeing sources share a row; the
 * same article counted twice (event fact and spec row) is listed once.
 */
function groupReports(facts: SourcedFact[]) {
  const groups = new Map<string, { fact: SourcedFact; sources: ComparisonRow["sources"] }>();
  for (const fact of facts) {
    const key = `${fact.value}:${fact.valueMax}:${fact.unit}:${fact.bound}`;
    const group = groups.get(key) ?? { fact, sources: [] };
    groups.set(key, group);
    if (group.sources.some((source) => source.articleId === fact.article.id)) continue;
    group.sources.push({ factId: fact.id, articleId: fact.article.id, outlet: fact.article.outlet, url: fact.article.url, sourceKind: fact.article.sourceKind, quote: fact.quote });
  }
  return [...groups.values()];
}

/**
 * The bound of a ratio of two stated values: a lower bound over an exact value stays a lower
 * bound; anything hedged or mixed is at best approximate.
 */
export function combineBounds(numerator: Bound, denominator: Bound): Bound {
  if (denominator === "exact" && (numerator === "exact" || numerator === "at_least" || numerator === "at_most")) return numerator;
  return numerator === "exact" && denominator === "exact" ? "exact" : "approx";
}

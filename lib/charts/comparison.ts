// Pure mapper: spec facts about two chips or systems → rows of "subject relative to baseline".
// Every report is its own row, so where sources disagree (559 kW vs ~600 kW) both are shown.
import type { SourcedFact } from "@/lib/facts/queries";
import type { Bound } from "@/lib/generated/prisma/enums";
import { formatQuantity } from "@/lib/metrics/format";
import { getMetric } from "@/lib/metrics/registry";
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
  source: { factId: number; outlet: string | null; url: string | null; quote: string };
  baselineSource: { factId: number; outlet: string | null; quote: string } | null;
};

export function toComparisonRows(facts: SourcedFact[], subject: string, baseline: string): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const bySubject = (slug: string, metric: string) => dedupeReports(facts.filter((f) => f.subject === slug && f.metric === metric));
  const metrics = [...new Set(facts.map((fact) => fact.metric))];

  for (const metric of metrics) {
    const definition = getMetric(metric);
    if (!definition) continue;
    if (definition.family === "relative_spec") {
      for (const fact of bySubject(subject, metric).filter((f) => f.object === baseline)) {
        rows.push({
          key: `${metric}:${fact.id}`,
          metric,
          label: `${definition.label.replace(/ relative to baseline$/, "")} (stated ratio)`,
          ratio: fact.value,
          ratioBound: fact.bound,
          subjectDisplay: formatQuantity(fact),
          baselineDisplay: "1×",
          kind: "stated",
          source: sourceOf(fact),
          baselineSource: null,
        });
      }
      continue;
    }
    const reference = bySubject(baseline, metric)[0];
    if (!reference) continue;
    const referenceValue = convertValue(reference.value, reference.unit, definition.unit);
    if (!referenceValue) continue;
    for (const fact of bySubject(subject, metric)) {
      const value = convertValue(fact.value, fact.unit, definition.unit);
      if (value === undefined) continue;
      rows.push({
        key: `${metric}:${fact.id}`,
        metric,
        label: definition.label,
        ratio: value / referenceValue,
        ratioBound: combineBounds(fact.bound, reference.bound),
        subjectDisplay: formatQuantity(fact),
        baselineDisplay: formatQuantity(reference),
        kind: "derived",
        source: sourceOf(fact),
        baselineSource: { factId: reference.id, outlet: reference.article.outlet, quote: reference.quote },
      });
    }
  }
  return rows.sort((a, b) => a.label.localeCompare(b.label) || a.ratio - b.ratio);
}

/** One row per distinct statement: the same value from the same article counts once. */
function dedupeReports(facts: SourcedFact[]): SourcedFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.article.id}:${fact.value}:${fact.valueMax}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sourceOf(fact: SourcedFact) {
  return { factId: fact.id, outlet: fact.article.outlet, url: fact.article.url, quote: fact.quote };
}

/**
 * The bound of a ratio of two stated values: a lower bound over an exact value stays a lower
 * bound; anything hedged or mixed is at best approximate.
 */
export function combineBounds(numerator: Bound, denominator: Bound): Bound {
  if (denominator === "exact" && (numerator === "exact" || numerator === "at_least" || numerator === "at_most")) return numerator;
  return numerator === "exact" && denominator === "exact" ? "exact" : "approx";
}

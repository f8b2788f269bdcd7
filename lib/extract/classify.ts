// What a quantity measures — its metric, kind, qualifiers and status — from its unit, the noun it
// counts and the words around it. Pure. The metrics, their cue words and what each cue needs live
// in the registry (lib/metrics/registry.ts); this module only applies them.
import type { EntityKind, FactStatus } from "@/lib/generated/prisma/enums";
import type { ExtractionKind } from "@/lib/extract/kinds";
import type { Quantity } from "@/lib/extract/quantities";
import { CONCEPTS, cuesFor, fromLegacyMetric, getMetric, readQualifiers, type Cue, type MetricKey, type Qualifiers } from "@/lib/metrics/registry";
import { unitInfo } from "@/lib/metrics/units";

export type { ExtractionKind } from "@/lib/extract/kinds";

/** `cued`: a cue word chose the metric (not the fallback of the unit's dimension). */
export type Classification = { kind: ExtractionKind; metric: MetricKey; qualifiers: Qualifiers; status: FactStatus; cued: boolean };

/**
 * `local`: the text around the quantity (about a clause either side); `near`: the few words just
 * before it, which decide between competing cues in one sentence ("an order for 300,000 chips,
 * adding to a stockpile of 600,000": the cue right before each number ranks first).
 */
export function classify(quantity: Quantity, sentence: string, local: string, near: string, subjectKind: EntityKind | null): Classification {
  const dimension = unitInfo(quantity.unit)?.dimension ?? "count";
  const { cues, fallback } = cuesFor(dimension);
  const context: CueContext = {
    local,
    near,
    sentence,
    noun: (quantity.noun ?? "").toLowerCase(),
    goods: quantity.unit === "units",
    product: subjectKind === "chip" || subjectKind === "system",
    organisation: subjectKind !== null && subjectKind !== "chip" && subjectKind !== "system",
    period: quantity.period,
  };
  const cued = cues.find(({ cue }) => matches(cue, context))?.metric;
  const metric = cued ?? fallback;
  const { qualifiers, status } = readQualifiers(metric, local);
  return { kind: CONCEPTS[metric].kind, metric, qualifiers, status, cued: cued !== undefined };
}

type CueContext = { local: string; near: string; sentence: string; noun: string; goods: boolean; product: boolean; organisation: boolean; period: Quantity["period"] };

function matches(cue: Cue, context: CueContext): boolean {
  if (cue.near && !cue.near.test(context.near)) return false;
  if (cue.notNear?.test(context.near)) return false;
  if (cue.local && !cue.local.test(context.local)) return false;
  if (cue.sentence && !cue.sentence.test(context.sentence)) return false;
  if (cue.noun && !cue.noun.test(context.noun)) return false;
  if (cue.notLocal && cue.notLocal.test(context.local)) return false;
  if (cue.goods && !context.goods) return false;
  if (cue.product && !context.product) return false;
  if (cue.organisation && !context.organisation) return false;
  if (cue.period && cue.period !== context.period) return false;
  return true;
}

/** The extraction kind of a metric — a registry concept or a Chipwatch 0.1 key (gold labels). */
export function kindOfMetric(metric: string): ExtractionKind {
  const concept = getMetric(metric) ?? getMetric(fromLegacyMetric(metric)?.metric ?? "");
  return concept?.kind ?? "other";
}

// How likely a proposal is right as proposed (value, subject and kind all correct), from the
// evidence the extractor had. A logistic model over a few features; the weights are fitted on the
// shared development set by scripts/eval/calibrate.ts (`npm run eval:calibrate -- --write`), which
// also prints how often proposals in each confidence band are right (the README's table). Pure.
import { EXTRACTION_KINDS, type ExtractionKind } from "@/lib/extract/kinds";

export type Evidence = {
  /** What kind of fact it is: some kinds (financial results, penalties) are read far more reliably than others. */
  kind: ExtractionKind;
  /** The subject is named in the fact's own clause, before the number. */
  subjectInClause: boolean;
  /** The subject is named somewhere else in the sentence. */
  subjectInSentence: boolean;
  /** The subject came from an earlier sentence (anaphora, the paragraph's or article's topic). */
  subjectFromContext: boolean;
  /** The subject is an entity the gazetteer knows (reviewed names), not a new name or a phrase. */
  knownSubject: boolean;
  /** The metric came from a cue word, not the fallback of its unit's dimension. */
  specificMetric: boolean;
  /** A unit or currency is written with the number (not a bare count or ratio). */
  statedUnit: boolean;
  /** The article states the figure more than once. */
  repeated: boolean;
  /** Other numbers in the same sentence compete for its subject and kind. */
  crowdedSentence: boolean;
};

export const EVIDENCE_FLAGS = [
  "subjectInClause",
  "subjectInSentence",
  "subjectFromContext",
  "knownSubject",
  "specificMetric",
  "statedUnit",
  "repeated",
  "crowdedSentence",
] as const;
type Flag = (typeof EVIDENCE_FLAGS)[number];
export type ConfidenceWeights = { intercept: number; flags: Record<Flag, number>; kinds: Record<ExtractionKind, number> };

// Fitted by `npm run eval:calibrate -- --write` on the 30 texts of ../shared/eval/dev.
export const CONFIDENCE_WEIGHTS: ConfidenceWeights = {
  intercept: -0.03,
  flags: {
    subjectInClause: 0.37,
    subjectInSentence: 0.27,
    subjectFromContext: 0.98,
    knownSubject: 0.32,
    specificMetric: 0.53,
    statedUnit: 0.7,
    repeated: 0.18,
    crowdedSentence: 0.39,
  },
  kinds: { chip_order: 0.23, stockpile: -0.15, penalty: 0.41, spec: 0.46, export_control: -0.7, financial: 0.73, investment: 0.34, duration: -0.51, count: 0.12, other: -0.92 },
};

export function logit(evidence: Evidence, weights: ConfidenceWeights): number {
  let z = weights.intercept + (weights.kinds[evidence.kind] ?? 0);
  for (const flag of EVIDENCE_FLAGS) if (evidence[flag]) z += weights.flags[flag];
  return z;
}

export function confidenceOf(evidence: Evidence, weights = CONFIDENCE_WEIGHTS): number {
  return Math.round((1 / (1 + Math.exp(-logit(evidence, weights)))) * 100) / 100;
}

export function zeroWeights(): ConfidenceWeights {
  return {
    intercept: 0,
    flags: Object.fromEntries(EVIDENCE_FLAGS.map((flag) => [flag, 0])) as Record<Flag, number>,
    kinds: Object.fromEntries(EXTRACTION_KINDS.map((kind) => [kind, 0])) as Record<ExtractionKind, number>,
  };
}

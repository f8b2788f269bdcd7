// Scores extracted facts against labelled gold facts: quantity recall and precision, subject
// attribution and kind accuracy. Pure, so the scoring rules themselves are unit-tested.
import type { ExtractionKind } from "@/lib/extract/kinds";
import { unitInfo } from "@/lib/metrics/units";
import { convertValue } from "@/lib/metrics/units";

export type GoldFact = {
  value: number;
  valueMax: number | null;
  unit: string;
  /** Canonical name of the subject when the text names it; null when the text does not. */
  subject: string | null;
  kind: ExtractionKind;
  /** Where the gold statement sits in the text (predictions must overlap it). */
  start: number;
  end: number;
};

export type PredictedFact = { value: number; valueMax: number | null; unit: string; subject: string | null; kind: ExtractionKind | null; start: number; end: number };

export type DevCase = { id: string; text: string; gold: GoldFact[] };

export type Scores = {
  gold: number;
  predicted: number;
  matched: number;
  recall: number;
  precision: number;
  subjectChecked: number;
  subjectCorrect: number;
  subjectAccuracy: number;
  kindCorrect: number;
  kindAccuracy: number;
};

// Goods ("units") and other counted things ("count") are one quantity for matching.
const isCount = (unit: string) => unitInfo(unit)?.dimension === "count";

/** Same quantity: equal values (0.5 % tolerance) in compatible units, ranges by both ends. */
export function sameQuantity(gold: Pick<GoldFact, "value" | "valueMax" | "unit">, predicted: Pick<PredictedFact, "value" | "valueMax" | "unit">, unitAgnostic = false): boolean {
  const convert = (value: number) => {
    if (unitAgnostic || predicted.unit === gold.unit || (isCount(predicted.unit) && isCount(gold.unit))) return value;
    return convertValue(value, predicted.unit, gold.unit);
  };
  const close = (a: number, b: number | undefined) => b !== undefined && Math.abs(a - b) <= Math.max(1e-9, Math.abs(a) * 0.005);
  const low = convert(predicted.value);
  if (!close(gold.value, low)) return unitAgnostic && [1e3, 1e6, 1e9, 1e-3].some((f) => close(gold.value, predicted.value * f));
  if (gold.valueMax === null) return true;
  return predicted.valueMax !== null && close(gold.valueMax, convert(predicted.valueMax));
}

export function scoreCases(cases: DevCase[], predict: (text: string) => PredictedFact[], options: { unitAgnostic?: boolean } = {}): Scores {
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let subjectChecked = 0;
  let subjectCorrect = 0;
  let kindCorrect = 0;
  for (const devCase of cases) {
    const predictions = predict(devCase.text);
    predicted += predictions.length;
    gold += devCase.gold.length;
    const used = new Set<PredictedFact>();
    for (const goldFact of devCase.gold) {
      const match = predictions.find((p) => !used.has(p) && p.start < goldFact.end && p.end > goldFact.start && sameQuantity(goldFact, p, options.unitAgnostic));
      if (!match) continue;
      used.add(match);
      matched++;
      if (goldFact.subject) {
        subjectChecked++;
        if (match.subject === goldFact.subject) subjectCorrect++;
      }
      if (match.kind === goldFact.kind) kindCorrect++;
    }
  }
  return scoresFromCounts({ gold, predicted, matched, subjectChecked, subjectCorrect, kindCorrect });
}

type Counts = Pick<Scores, "gold" | "predicted" | "matched" | "subjectChecked" | "subjectCorrect" | "kindCorrect">;

/** Recall, precision and the accuracies from the counts (also for sums of several sets). */
export function scoresFromCounts(counts: Counts): Scores {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    ...counts,
    recall: ratio(counts.matched, counts.gold),
    precision: ratio(counts.matched, counts.predicted),
    subjectAccuracy: ratio(counts.subjectCorrect, counts.subjectChecked),
    kindAccuracy: ratio(counts.kindCorrect, counts.matched),
  };
}

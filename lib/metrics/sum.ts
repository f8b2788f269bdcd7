// Adding up stated figures without overstating precision: ranges add as ranges, and one lower
// bound makes the total a lower bound ("≥ $440M" when one penalty was "over $140 million").
import type { Quantity } from "@/lib/metrics/format";

export type FigureSum = {
  min: number;
  max: number;
  hasLowerBound: boolean;
  hasUpperBound: boolean;
  hasApprox: boolean;
  count: number;
};

export function sumToQuantity(sum: FigureSum, unit: string): Quantity {
  const valueMax = sum.max > sum.min ? sum.max : null;
  if (valueMax !== null) return { value: sum.min, valueMax, unit, bound: "range" };
  if (sum.hasLowerBound && !sum.hasUpperBound) return { value: sum.min, valueMax: null, unit, bound: "at_least" };
  if (sum.hasUpperBound && !sum.hasLowerBound) return { value: sum.min, valueMax: null, unit, bound: "at_most" };
  const hedged = sum.hasApprox || sum.hasLowerBound || sum.hasUpperBound;
  return { value: sum.min, valueMax: null, unit, bound: hedged ? "approx" : "exact" };
}

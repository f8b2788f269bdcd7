// Hedge words turn a stated number into a bound: "over $140 million" is a lower bound, "up to
// nine months" an upper one, "about 40%" an approximation. Pure; shared by extraction and seeding.
import type { Bound } from "@/lib/generated/prisma/enums";

type HedgeBound = Exclude<Bound, "exact" | "range">;

const HEDGES: { bound: HedgeBound; pattern: RegExp }[] = [
  {
    bound: "at_least",
    pattern:
      /(?:\b(?<!\b(?:no|not)\s)(?:more than|over|greater than)|\bat least|\bin excess of|\bupwards of|\bno (?:fewer|less) than|\bnorth of|\bexceed(?:ed|ing|s)?|\babove|\btopping|\bsurpass(?:ed|ing)?)\s*$/i,
  },
  {
    bound: "at_most",
    pattern: /\b(?:up to|at most|(?:no|not) more than|as (?:many|much) as|(?<!\b(?:no|not)\s)(?:fewer|less) than|under|a maximum(?: \w+)? of|maximum of|capped at)\s*$/i,
  },
  {
    bound: "approx",
    pattern: /(?:\b(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|close to|circa|an estimated|estimated|or so|likely)|~|≈)\s*$/i,
  },
];

/**
 * The bound implied by the words right before a number (`textBefore` ends where the number
 * starts, currency symbol excluded). Returns undefined when nothing hedges it.
 */
export function boundFromPrefix(textBefore: string): HedgeBound | undefined {
  // Only the last few words can hedge this number; "$" and "US$" sit between hedge and digits.
  const tail = textBefore.slice(-40).replace(/(?:US\$|\$|¥|€|£)\s*$/, "");
  return HEDGES.find((hedge) => hedge.pattern.test(tail))?.bound;
}

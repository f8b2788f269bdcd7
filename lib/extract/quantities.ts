// Quantities in a sentence: a number with its currency or unit, range, hedge and — for relative
// statements ("40% more FP16 throughput than an NVL72") — the baseline's position. Pure.
import type { Bound } from "@/lib/generated/prisma/enums";
import { boundFromPrefix } from "@/lib/extract/hedges";
import { findNumbers, FRACTIONS, MULTIPLIERS, type NumberMatch } from "@/lib/extract/numbers";
import { CURRENCY_MARKS_AFTER, CURRENCY_MARKS_BEFORE, SPOKEN_UNITS } from "@/lib/metrics/units";

export type Quantity = {
  value: number;
  valueMax: number | null;
  unit: string;
  bound: Bound;
  /** Offsets of the whole quantity phrase ("over $140 million", "600,000 to 700,000 units"). */
  start: number;
  end: number;
  /** The noun the number counts ("chips", "illegal exports"), when there is one. */
  noun: string | null;
  /** For ratios: where the text naming the baseline starts (after "than"/"of"/"that of"). */
  baselineAt: number | null;
  /** A period of years ("between 2015 and 2021") or a start year ("since February 2015"). */
  period: "between" | "since" | null;
};

// Nouns that make a bare number a count of things; goods ordered or shipped are "units".
const GOODS =
  /^(?:dies|chips?|gpus?|npus?|units?|processors?|accelerators?|cards?|wafers?|hdds?|hard drives?|drives?|servers?|semiconductors?|devices?|modules?|boards?|ai chips?|graphics processing units?)$/i;
const COUNT_NOUN =
  /^(?:\w+[- ])?(?:chips?|gpus?|npus?|units?|processors?|accelerators?|cards?|wafers?|hdds?|drives?|servers?|systems?|racks?|supernodes?|clusters?|nodes?|companies|entities|entity|organi[sz]ations?|affiliates?|subsidiaries|locations?|addresses|exports?|shipments?|transceivers?|employees|people|workers|engineers|defendants|men|nationals|customers|clients|rules?|documents?|orders?|layers?|tools?|types?|countries|nations|firms|institutes?|universities|centres|centers|data ?cent(?:er|re)s|aliases|cases|charges|counts|licen[cs]es|applications?|models?|products?|lines?|sites?|fabs?|plants?|factories|instances|transactions|parties|transistors?|stacks?|cabinets?|alias(?:es)?|times|occasions|cases|dies)\b/i;

const YEAR = /^(?:19[5-9]\d|20[0-4]\d)$/;

/**
 * `names`: spans of entity names (numbers inside them are model names, "CloudMatrix 384").
 * `dates`: spans of dates (their numbers are days and years, except the years of periods).
 */
export function findQuantities(sentence: string, offset: number, names: [number, number][], dates: [number, number][]): Quantity[] {
  const numbers = findNumbers(sentence).filter((n) => {
    const [start, end] = [n.start + offset, n.end + offset];
    if (insideAny(start, end, names) || isPartOfName(sentence, n)) return false;
    return !insideAny(start, end, dates) || YEAR.test(n.text);
  });
  const quantities: Quantity[] = [];
  const consumed = new Set<NumberMatch>();

  for (let i = 0; i < numbers.length; i++) {
    const number = numbers[i]!;
    if (consumed.has(number)) continue;
    const before = sentence.slice(0, number.start);
    const after = sentence.slice(number.end);

    // Periods of years: "between 2015 and 2021", "from 2015 to 2021", "since February 2015".
    if (YEAR.test(number.text)) {
      const next = numbers[i + 1];
      const link = next ? sentence.slice(number.end, next.start) : "";
      if (next && YEAR.test(next.text) && /^\s*(?:and|to|-|–|—)\s*$/i.test(link) && /\b(?:between|from)\s+$/i.test(before)) {
        consumed.add(next);
        quantities.push(period(number.value, next.value, before.search(/\b(?:between|from)\s+$/i), next.end, offset, "between"));
      } else if (/\bsince\s+(?:(?:early|mid|late)[- ])?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?$/.test(before)) {
        quantities.push(period(number.value, null, before.search(/\bsince\s+/), number.end, offset, "since"));
      }
      continue; // other years only date the facts around them
    }

    const currency = currencyOf(before, after);
    let unit = currency ? null : unitOf(after);
    const following = numbers[i + 1];
    if (!currency && !unit && following && /^\s*or\s*$/i.test(sentence.slice(number.end, following.start))) unit = unitOf(sentence.slice(following.end));
    const nounMatch = currency || unit ? null : countNoun(after);
    const multiplier = relativeMultiplier(sentence, number);
    if (!currency && !unit && !nounMatch && !multiplier && !number.hasScale) continue;
    if (number.isWord && !number.hasScale && !unit && !multiplier && !nounMatch && !currency) continue;
    if (isIgnorable(before, after, number)) continue;
    // "the two nations", "the three companies": a reference back, not a new quantity.
    if (number.isWord && !number.hasScale && /\bthe\s+$/i.test(before)) continue;

    let value = number.value;
    let valueMax: number | null = null;
    let end = number.end + (currency?.suffixLength ?? 0) + (unit?.length ?? 0);
    let unitName = currency?.code ?? unit?.name ?? (nounMatch ? (GOODS.test(nounMatch.noun) ? "units" : "count") : multiplier ? "ratio" : "count");
    if (unit) value *= unit.factor;

    // Ranges: "600,000 to 700,000 units", "$12–15 billion", "12 billion to 15 billion" (but not
    // "from 600GB/s to 400GB/s", which is a change from one value to another).
    const next = numbers[i + 1];
    if (next && !YEAR.test(next.text)) {
      const link = sentence.slice(end, next.start);
      const isRange =
        /^\s*(?:-|–|—|to|and)\s*(?:US\$|\$|¥|€|£)?\s*$/i.test(link) && !/\bfrom\s+(?:\S+\s+){0,1}$/i.test(sentence.slice(Math.max(0, number.start - 12), number.start));
      const isBetween = /\bbetween\s+(?:US\$|\$)?$/i.test(before.slice(-12));
      if (isRange && (!/^\s*and/i.test(link) || isBetween)) {
        // "$12–15 billion": the scale written once applies to both ends.
        const low = !number.hasScale && next.hasScale ? value * next.scale : value;
        let high = next.value * (unit?.factor ?? 1);
        if (low < high) {
          value = low;
          valueMax = high;
          const afterNext = sentence.slice(next.end);
          const nextCurrency = currencyOf(sentence.slice(0, next.start), afterNext);
          const nextUnit = unitOf(afterNext);
          end = next.end + (nextCurrency?.suffixLength ?? 0) + (nextUnit?.length ?? 0);
          if (!currency && !unit && nextUnit) {
            unitName = nextUnit.name;
            value *= nextUnit.factor;
            high *= nextUnit.factor;
            valueMax = high;
          }
          consumed.add(next);
        }
      }
    }

    const noun = nounMatch?.noun ?? countNoun(sentence.slice(end))?.noun ?? null;
    let bound: Bound = valueMax !== null ? "range" : (boundFromPrefix(before.replace(/\bbetween\s+$/i, "")) ?? "exact");
    if (valueMax === null && /^\s*(?:or more|\+|plus\b)/i.test(sentence.slice(end))) bound = "at_least";
    if (valueMax === null && /^\s*or (?:so|thereabouts)\b/i.test(sentence.slice(end))) bound = "approx";
    if (valueMax === null && /\b(?:estimated|estimates?|expected)\s+(?:at\s+)?(?:US\$|\$)?$/i.test(before) && bound === "exact") bound = "approx";

    const hedgeStart = hedgeStartOf(before);
    let start = Math.min(hedgeStart ?? number.start, currency ? number.start - currency.prefixLength : number.start);
    let baselineAt: number | null = null;
    if (multiplier) {
      value = multiplier.value;
      unitName = "ratio";
      valueMax = null;
      if (multiplier.hedge) bound = multiplier.hedge;
      else if (bound === "exact" && number.isFraction) bound = "approx";
      start = Math.min(start, multiplier.start);
      end = Math.max(end, multiplier.end);
      baselineAt = multiplier.baselineAt;
    }
    quantities.push({
      value,
      valueMax,
      unit: unitName,
      bound,
      start: start + offset,
      end: end + offset,
      noun,
      baselineAt: baselineAt === null ? null : baselineAt + offset,
      period: null,
    });
  }
  // "More than double Nvidia's list price": multipliers written as words, without a number.
  for (const match of sentence.matchAll(/\b(?:(more than|nearly|almost|about|roughly|over|at least)\s+)?(double|twice|triple|quadruple)\b(?!-)/gi)) {
    if (quantities.some((q) => q.start - offset <= match.index && q.end - offset >= match.index)) continue;
    const rest = sentence.slice(match.index + match[0].length);
    if (!/^\s+(?:the\s+|that\s+of\s+|as\s+\w+\s+as\s+)?[\w’'-]+/.test(rest)) continue;
    quantities.push({
      value: MULTIPLIERS[match[2]!.toLowerCase()]!,
      valueMax: null,
      unit: "ratio",
      bound: match[1] ? (boundFromPrefix(`${match[1]} `) ?? "approx") : "exact",
      start: match.index + offset,
      end: match.index + match[0].length + offset,
      noun: null,
      baselineAt: match.index + match[0].length + offset,
      period: null,
    });
  }
  return quantities.sort((a, b) => a.start - b.start);
}

function period(from: number, to: number | null, start: number, end: number, offset: number, kind: "between" | "since"): Quantity {
  return {
    value: from,
    valueMax: to,
    unit: "year",
    bound: to === null ? "exact" : "range",
    start: start + offset,
    end: end + offset,
    noun: null,
    baselineAt: null,
    period: kind,
  };
}

function currencyOf(before: string, after: string) {
  for (const { pattern, unit } of CURRENCY_MARKS_BEFORE) {
    const match = pattern.exec(before.slice(-6));
    if (match) return { code: unit, prefixLength: match[0].length, suffixLength: 0 };
  }
  for (const { pattern, unit } of CURRENCY_MARKS_AFTER) {
    const match = pattern.exec(after);
    if (match) return { code: unit, prefixLength: 0, suffixLength: match[0].length };
  }
  return null;
}

function unitOf(after: string) {
  for (const { pattern, unit, multiplier } of SPOKEN_UNITS) {
    const match = pattern.exec(after);
    if (match) return { name: unit, factor: multiplier, length: match[0].length };
  }
  return null;
}

/** The counted noun within the next few words: "300,000 H20 AI chips", "56 illegal exports". */
function countNoun(after: string): { noun: string } | null {
  const words = after
    .replace(/^[\s-]+/, "")
    .split(/\s+/)
    .slice(0, 7);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.replace(/[.,;:)’'"”]+$/, "");
    if (/^(?:of|in|to|for|from|by|with|or|that|which|than|per)$/i.test(word) && i > 0) break;
    if (COUNT_NOUN.test(word)) {
      const pair = `${words[i]!} ${words[i + 1] ?? ""}`.replace(/[.,;:)]+$/, "");
      return { noun: /^(?:ai chips?|hard drives?|data cent(?:er|re)s)$/i.test(pair) ? pair : word };
    }
  }
  return null;
}

/**
 * Ratios: "40% more … than X", "four times that of X", "one-third the … of X", "2.5 times higher
 * than X", "half the … of X". Returns the ratio and where the baseline is named.
 */
function relativeMultiplier(sentence: string, number: NumberMatch) {
  const after = sentence.slice(number.end);
  const percentMore = /^\s*(?:%|per ?cent)\s+(more|higher|greater|faster|larger|bigger|better|less|lower|fewer|smaller|cheaper|slower)\b(?:\s+[\w-]+){0,3}?\s+than\s+/i.exec(after);
  if (percentMore) {
    const up = /more|higher|greater|faster|larger|bigger|better/i.test(percentMore[1]!);
    return {
      value: 1 + (up ? 1 : -1) * (number.value / 100),
      start: number.start,
      end: number.end + percentMore[0].length,
      baselineAt: number.end + percentMore[0].length,
      hedge: null,
    };
  }
  // "6% of the capability of Nvidia's chip": a share of another's figure is a ratio.
  const percentOf = /^\s*(?:%|per ?cent)\s+of\s+(?:the|its)\s+(?:[\w-]+\s+){0,3}?of\s+/i.exec(after);
  if (percentOf) {
    return { value: number.value / 100, start: number.start, end: number.end + percentOf[0].length, baselineAt: number.end + percentOf[0].length, hedge: null };
  }
  // "four times that of an NVL72", "2.5 times higher than", "15 times more memory", "1.7x the".
  const times =
    /^\s*(?:times|x|×)\s+(?:(?:more|higher|greater|larger|faster|bigger|better|less|lower|smaller)\b(?:\s+[\w-]+){0,3}?\s+than\s+|(?:more|higher|greater|larger|faster|bigger|better)\s+|that of\s+|those of\s+|as (?:much|many|fast|large|high) as\s+|the\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?|over\s+|what\s+)/i.exec(
      after,
    );
  if (times) {
    return { value: number.value, start: number.start, end: number.end + times[0].length, baselineAt: number.end + times[0].length, hedge: null };
  }
  if (number.isFraction) {
    const of = /^\s+(?:of\s+)?(?:the|its)\s+(?:[\w-]+\s+){0,3}?(?:of|than)\s+/i.exec(after);
    if (of) return { value: number.value, start: number.start, end: number.end + of[0].length, baselineAt: number.end + of[0].length, hedge: null };
  }
  return null;
}

function hedgeStartOf(before: string): number | null {
  const match =
    /(?:\b(?:more than|over|at least|in excess of|upwards of|up to|at most|no more than|as (?:many|much) as|about|around|approximately|roughly|nearly|almost|some|close to|an estimated|estimated|a maximum(?: \w+)? of)|~|≈)\s*(?:US\$|\$|¥|€|£)?\s*$/i.exec(
      before,
    );
  return match ? match.index : null;
}

/** Digits glued to letters are names, not quantities: H20, 910C, HBM3, FP8, 5G, DeepSeek-R1. */
function isPartOfName(sentence: string, number: NumberMatch): boolean {
  if (number.isWord) return false;
  const before = sentence[number.start - 1] ?? " ";
  const after = sentence.slice(number.end, number.end + 2);
  if (/[A-Za-z]/.test(before)) return true;
  if (/^[A-Za-z]/.test(after) && !/^(?:[kmbKMB]\b|x\b|nm|kW|MW|W\b|GB|TB|PB|mm|bn|mn|tn)/.test(after) && !unitOf(sentence.slice(number.end))) return true;
  if (before === "-" && /[A-Za-z]-$/.test(sentence.slice(Math.max(0, number.start - 2), number.start))) return true;
  return false;
}

function isIgnorable(before: string, after: string, number: NumberMatch): boolean {
  if (/\[$/.test(before) && /^\]/.test(after)) return true; // footnote marker [1]
  if (/^\s*(?:-|\s)?min(?:ute)?s?\s+read\b/i.test(after)) return true; // "5 min read"
  if (/\b(?:aged?|age of)\s+$/i.test(before) || /^[\s-]*years?[\s-]*old\b/i.test(after)) return true; // ages
  if (/\b(?:No\.|Section|Article|Rule|Chapter|FR|CFR|U\.S\.C\.|page|p\.|pp\.)\s*$/i.test(before)) return true; // citations
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|ET\b)/i.test(after) || /^:\d\d/.test(after)) return true; // times
  if (/\bQ$/.test(before) || /\bFY\s?$/.test(before)) return true; // Q1, FY2025 are dates
  return FRACTIONS[number.text.toLowerCase()] !== undefined && !number.isFraction;
}

function insideAny(start: number, end: number, ranges: [number, number][]) {
  return ranges.some(([s, e]) => start < e && end > s);
}

// Quantities in a sentence: a number with its currency or unit, range, hedge and — for relative
// statements ("40% more FP16 throughput than an NVL72") — the baseline's position. Pure.
import type { Bound } from "@/lib/generated/prisma/enums";
import { boundFromPrefix } from "@/lib/extract/hedges";
import { findNumbers, FRACTIONS, MULTIPLIERS, type NumberMatch } from "@/lib/extract/numbers";
import { ruleOn, type RuleSwitches } from "@/lib/extract/rules";
import { CURRENCY_MARKS_AFTER, CURRENCY_MARKS_BEFORE, SPOKEN_UNITS, SPOKEN_UNITS_BEFORE, type UnitKey } from "@/lib/metrics/units";

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
  /^(?:dies|chips?|gpus?|npus?|tpus?|lpus?|xpus?|units?|processors?|accelerators?|cards?|wafers?|hdds?|hard drives?|drives?|servers?|semiconductors?|devices?|modules?|boards?|ai chips?|graphics processing units?|(?:hbm )?stacks?|[\w-]+-equivalents?)$/i;
const COUNT_NOUN =
  /^(?:\w+[- ])?(?:chips?|gpus?|npus?|tpus?|lpus?|xpus?|units?|processors?|accelerators?|cards?|wafers?|hdds?|drives?|servers?|systems?|racks?|supernodes?|clusters?|nodes?|companies|entities|entity|organi[sz]ations?|affiliates?|subsidiaries|locations?|addresses|exports?|shipments?|transceivers?|employees|people|workers|engineers|defendants|men|nationals|customers|clients|rules?|documents?|orders?|layers?|tools?|types?|countries|nations|firms|institutes?|universities|centres|centers|data ?cent(?:er|re)s|aliases|cases|charges|counts?|licen[cs]es|applications?|models?|products?|lines?|sites?|fabs?|plants?|factories|facilities|campuses|instances|transactions|parties|transistors?|stacks?|[\w-]+-equivalents?|cabinets?|alias(?:es)?|times|occasions|cases|dies)\b/i;

const YEAR = /^(?:19[5-9]\d|20[0-4]\d)$/;

export type QuantityContext = {
  /** Part of speech by token start (absolute offset), from lib/extract/syntax: finds counted nouns. */
  partsOfSpeech?: Map<number, string>;
  /** A score unit (TPP) named in the sentences just before: "the H20 scores 2,368 on the same basis". */
  scoreUnit?: UnitKey | null;
  /** Rule families switched off (for the ablation table). */
  rules?: RuleSwitches;
  /** The noun the last counted figure of the sentences before counted: "The remaining 52,000 …". */
  previousNoun?: string | null;
};

// Verbs and adverbs of a fall: a percentage after them is negative ("slipped 2.5%", "17% lower").
const FALL_BEFORE =
  /\b(?:fell|falls?|falling|slipped|slips?|slipping|dipped|dips?|dipping|eased|eases|retreated|retreats|lost|loses|losing|dropped|drops?|dropping|declined|declines?|declining|decreased|decreases?|shed|sheds|sank|sinks?|tumbled|tumbles?|plunged|plunges?|slumped|slumps?|slid|slides?|shrank|shrinks?|contracted|down|off)\s+(?:by\s+)?(?:(?:the|its|a)\s+(?:(?:daily|maximum|trading|permitted)\s+)*(?:(?:limit|maximum|cap)\s+of\s+)?)?(?:(?:about|around|roughly|nearly|almost|some|more than|over|close to|as much as|an estimated|a further|another)\s+)?$/i;
const FALL_AFTER = /^\s*(?:%|per ?cent)?\s*(?:lower|down)\b/i;
// Counts that only say who spoke or helped: "two people briefed on the rule", "three sources".
const SOURCE_COUNT =
  /^[\s-]*(?:[\w-]+\s+)?(?:people|persons|sources|officials|executives|analysts|employees|insiders|individuals)\b\s*(?:\w+\s+)?(?:briefed|familiar|with (?:direct )?knowledge|who (?:spoke|asked|declined|requested|were not)|close to|said|say|told|speaking|cooperated|declined|asked|involved in the (?:talks|matter)|on the call|pressed)/i;
// Numbers that label rather than count: list and tier markers, "Layer 1", "Tier 2", "1)".
// (Not the tail of a compound adjective: "its second-generation 7-nanometre process" is a figure.)
const LABEL_BEFORE =
  /(?<!-)\b(?:Layer|Tier|Phase|Step|Part|Item|Option|Stage|Level|Round|Category|Class|Annex|Schedule|Appendix|Table|Figure|Exhibit|Volume|Issue|Episode|Gen|Generation|Photo|Image|Slide|Picture|Video|Chart)\s*$/i;
// A figure written without its noun counts what an earlier one counted: one it is compared with or
// changed from ("700,000 Ascend chips in 2025, against about 400,000 last year", "75,000 employees …,
// from 99,500"), the whole it is part of ("300,000 wafers a month, of which we expect 60,000 …"), the
// rest of a whole, also counted in an earlier sentence ("A further 12,600 …", "The remaining 52,000
// are part of an earlier agreement"), or a second party's figure after a verb of acquiring ("… will
// each deploy up to 50,000 GPUs, while Naver Cloud plans to install 60,000").
const NOUN_FROM_EARLIER: { pattern: RegExp; numberWords: boolean; laterSentence: boolean }[] = [
  {
    pattern: /\b(?:against|compared (?:with|to)|versus|vs\.?|(?:up |down )?from)\s+(?:(?:about|around|roughly|nearly|some|an estimated|more than|over)\s+)?$/i,
    numberWords: false,
    laterSentence: false,
  },
  { pattern: /\bof (?:which|whom|these|those)\b[^,;.]{0,40}$/i, numberWords: true, laterSentence: false },
  {
    pattern: /(?:^|\b)(?:the remaining|the rest of the|a further|another|an additional|the other)\s+(?:(?:about|around|roughly|some|nearly)\s+)?$/i,
    numberWords: false,
    laterSentence: true,
  },
  {
    pattern:
      /\b(?:while|whereas|and|but)\b[^,;.]{0,60}\b(?:install(?:s|ed|ing)?|deploy(?:s|ed|ing)?|buy(?:s|ing)?|bought|order(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|get(?:s|ting)?|got|take(?:s|n)?|took|ship(?:s|ped|ping)?|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|us(?:e|es|ed|ing))\s+(?:(?:up to|about|around|some|another|a further|nearly|almost|more than|at least)\s+)?$/i,
    numberWords: false,
    laterSentence: false,
  },
];

// "biggest one-day gain", "a two-week low": a market idiom, not a length of time.
const IDIOM_AFTER = /^-(?:day|week|month|year|session)\s+(?:gain|drop|loss|rise|fall|decline|rally|record|high|low|jump|move|slide|sell-?off|surge|plunge|swing|advance)\b/i;

/**
 * `names`: spans of entity names (numbers inside them are model names, "CloudMatrix 384").
 * `dates`: spans of dates (their numbers are days and years, except the years of periods).
 */
export function findQuantities(sentence: string, offset: number, names: [number, number][], dates: [number, number][], context: QuantityContext = {}): Quantity[] {
  const on = (family: Parameters<typeof ruleOn>[1]) => ruleOn(context.rules, family);
  const tagAt = (at: number) => context.partsOfSpeech?.get(at + offset);
  const nounAt = (at: number) => (on("countedNouns") ? tagAt(at) : undefined);
  const numbers = findNumbers(sentence).filter((n) => {
    const [start, end] = [n.start + offset, n.end + offset];
    if (insideAny(start, end, names) || isPartOfName(sentence, n)) return false;
    // A number right after a name is the rest of a model name: "Tianchi 256", "RTX 4090".
    const previousName = /(?:^|\s)([A-Z][\w-]*) $/.exec(sentence.slice(0, n.start));
    if (
      on("notFacts") &&
      previousName &&
      /^\d{2,4}$/.test(n.text) &&
      !YEAR.test(n.text) &&
      tagAt(n.start - 1 - previousName[1]!.length) === "PROPN" &&
      !unitOf(sentence.slice(n.end)) &&
      !currencyOf(sentence.slice(0, n.start), "")
    )
      return false;
    // "Group of Seven", "the Big Four": a number word written with a capital inside a name.
    if (on("notFacts") && n.isWord && /^[A-Z]/.test(n.text) && /[A-Za-z,;] (?:[A-Z][\w-]*|[A-Z][\w-]* of) $/.test(sentence.slice(Math.max(0, n.start - 30), n.start))) return false;
    return !insideAny(start, end, dates) || YEAR.test(n.text);
  });
  const quantities: Quantity[] = [];
  const consumed = new Set<NumberMatch>();

  for (let i = 0; i < numbers.length; i++) {
    const number = numbers[i]!;
    if (consumed.has(number)) continue;
    const before = sentence.slice(0, number.start);
    // The words just before the number: what the patterns anchored at its left edge read (a long
    // sentence makes every such test scan its whole start otherwise).
    const tail = before.slice(-100);
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

    if (isIgnorable(tail, after, number, on("notFacts"))) continue;
    const currency = currencyOf(tail, after);
    let unit = currency ? null : (unitOf(after) ?? (on("scoreUnits") ? (unitBefore(tail, number) ?? inheritedScore(tail, after, number, context.scoreUnit ?? null)) : null));
    const following = numbers[i + 1];
    if (!currency && !unit && following && /^\s*or\s*$/i.test(sentence.slice(number.end, following.start))) unit = unitOf(sentence.slice(following.end));
    let nounMatch = currency || unit ? null : countNoun(after, number.end, nounAt);
    let multiplier = relativeMultiplier(sentence, number, on("multiples"));

    // "three to six months", "five to seven suppliers", "2.4 to 2.8 times": a range whose unit is
    // written once, after its upper end.
    const next = numbers[i + 1];
    const rangeLink = next && !YEAR.test(next.text) && /^\s*(?:-|–|—|to)\s*$/i.test(sentence.slice(number.end, next.start));
    let leadIn: NumberMatch | null = null;
    if (on("rangesWrittenOnce") && !currency && !unit && !nounMatch && !multiplier && rangeLink && next.value > number.value) {
      const afterNext = sentence.slice(next.end);
      const nextUnit = unitOf(afterNext);
      const nextNoun = nextUnit ? null : countNoun(afterNext, next.end, nounAt);
      const nextMultiplier = relativeMultiplier(sentence, next, on("multiples"));
      if (nextUnit || nextNoun || nextMultiplier) {
        leadIn = next;
        unit = nextUnit;
        nounMatch = nextNoun;
        multiplier = nextMultiplier ? { ...nextMultiplier, value: number.value, start: number.start } : null;
      }
    }
    const compared = quantities.at(-1);
    if (!currency && !unit && !nounMatch && !multiplier) {
      const earlier = NOUN_FROM_EARLIER.find(
        (rule) => (rule.numberWords || !number.isWord) && (compared?.noun || (rule.laterSentence && context.previousNoun)) && rule.pattern.test(tail),
      );
      const noun = earlier ? (compared?.noun ?? context.previousNoun) : null;
      if (noun) nounMatch = { noun };
    }
    // "had fallen from about 95% to zero": the end of a change takes the unit of its start.
    if (
      !currency &&
      !unit &&
      number.isWord &&
      number.value === 0 &&
      compared?.unit === "percent" &&
      /\bfrom\b[^,;]{0,40}\bto\s+$/i.test(sentence.slice(Math.max(0, compared.start - offset - 30), number.start))
    )
      unit = { name: "percent" as const, factor: 1, length: 0 };
    if (!currency && !unit && !nounMatch && !multiplier && !number.hasScale) continue;
    if (number.isWord && !number.hasScale && !unit && !multiplier && !nounMatch && !currency) continue;
    // "the two nations", "the three companies": a reference back, not a new quantity.
    if (number.isWord && !number.hasScale && /\bthe\s+$/i.test(tail)) continue;
    if (on("notFacts") && nounMatch && SOURCE_COUNT.test(after)) continue;
    // "an unusual split of one chip design", "one company": "one" before a singular noun is an article,
    // not a count (a length of time, "for one year", still is one).
    // ("one count of conspiracy" is a count of the case.)
    if (
      on("notFacts") &&
      number.isWord &&
      number.value === 1 &&
      !number.hasScale &&
      nounMatch &&
      !/s$/i.test(nounMatch.noun) &&
      !unit &&
      !currency &&
      !/^\s+of\b/i.test(after.slice(after.toLowerCase().indexOf(nounMatch.noun.toLowerCase()) + nounMatch.noun.length))
    )
      continue;

    let value = number.value;
    let valueMax: number | null = null;
    let end = number.end + (currency?.suffixLength ?? 0) + (leadIn ? 0 : (unit?.length ?? 0));
    // "0.5525 Hygon shares for each Sugon share": a share swap's exchange ratio.
    const exchangeRatio =
      !currency && !unit && /^\s+(?:new\s+)?(?:[A-Z][\w&-]*\s+){0,2}(?:new\s+)?(?:shares?|ADSs?|stock)\s+(?:for\s+(?:each|every|one)|per)\b/.test(sentence.slice(number.end));
    let unitName = exchangeRatio ? "ratio" : (currency?.code ?? unit?.name ?? (nounMatch ? (GOODS.test(nounMatch.noun) ? "units" : "count") : multiplier ? "ratio" : "count"));
    if (unit) value *= unit.factor;
    if (leadIn) {
      valueMax = leadIn.value * (unit?.factor ?? 1);
      end = leadIn.end + (unit?.length ?? 0);
      if (multiplier) multiplier = { ...multiplier, valueMax };
      consumed.add(leadIn);
    }

    // Ranges: "600,000 to 700,000 units", "$12–15 billion", "12 billion to 15 billion" (but not
    // "from 600GB/s to 400GB/s", which is a change from one value to another, nor "fell 28% to
    // 62.6 billion yuan", where the second number has a unit of its own).
    if (!leadIn && next && !YEAR.test(next.text)) {
      const link = sentence.slice(end, next.start);
      const afterNext = sentence.slice(next.end);
      const nextOwnUnit = currencyOf(sentence.slice(0, next.start), afterNext)?.code ?? unitOf(afterNext)?.name ?? null;
      const isRange =
        /^\s*(?:-|–|—|to|and)\s*(?:US\$|\$|¥|€|£)?\s*$/i.test(link) &&
        !/\bfrom\s+(?:\S+\s+){0,1}$/i.test(sentence.slice(Math.max(0, number.start - 12), number.start)) &&
        (nextOwnUnit === null || nextOwnUnit === unitName || !(currency || unit));
      const isBetween = /\bbetween\s+(?:US\$|\$)?$/i.test(before.slice(-12));
      if (isRange && (!/^\s*and/i.test(link) || isBetween)) {
        // "$12–15 billion": the scale written once applies to both ends.
        const low = !number.hasScale && next.hasScale ? value * next.scale : value;
        let high = next.value * (unit?.factor ?? 1);
        if (low < high) {
          value = low;
          valueMax = high;
          const nextCurrency = currencyOf(sentence.slice(0, next.start), afterNext);
          const nextUnit = unitOf(afterNext);
          end = next.end + (nextCurrency?.suffixLength ?? 0) + (nextUnit?.length ?? 0);
          if (!currency && !unit && nextUnit) {
            unitName = nextUnit.name;
            value *= nextUnit.factor;
            high *= nextUnit.factor;
            valueMax = high;
          }
          // "between 30 billion and 35 billion euros": the currency written once, after the range.
          if (!currency && !unit && nextCurrency) unitName = nextCurrency.code;
          consumed.add(next);
        }
      }
    }
    // "fell 3%, 2.2% and 4.1%": figures listed after one fall fall too, also with the verb left out
    // before a second name ("Lam Research dropped 1.9% and KLA 1.5%").
    const listedAfter = quantities.at(-1);
    const listedFall =
      listedAfter !== undefined &&
      listedAfter.unit === "percent" &&
      listedAfter.value < 0 &&
      /^\s*,?\s*(?:(?:and|while)\s+(?:[A-Z][\w&.’'-]*\s+){0,4})?$/.test(sentence.slice(listedAfter.end - offset, number.start));
    if (on("signedFalls") && unitName === "percent" && !multiplier && (FALL_BEFORE.test(tail) || FALL_AFTER.test(after) || listedFall)) value = -value;

    const noun = nounMatch?.noun ?? countNoun(sentence.slice(end), end, nounAt)?.noun ?? null;
    let bound: Bound = valueMax !== null ? "range" : (boundFromPrefix(tail.replace(/\bbetween\s+$/i, "")) ?? "exact");
    if (valueMax === null && /^\s*(?:or more|\+|plus\b)/i.test(sentence.slice(end))) bound = "at_least";
    if (valueMax === null && /^\s*or (?:so|thereabouts)\b/i.test(sentence.slice(end))) bound = "approx";
    if (valueMax === null && /\b(?:estimated|estimates?|expected)\s+(?:at\s+)?(?:US\$|\$)?$/i.test(tail) && bound === "exact") bound = "approx";

    const hedgeInTail = hedgeStartOf(tail);
    const hedgeStart = hedgeInTail === null ? null : hedgeInTail + before.length - tail.length;
    let start = Math.min(hedgeStart ?? number.start, currency ? number.start - currency.prefixLength : number.start);
    let baselineAt: number | null = null;
    if (multiplier) {
      value = multiplier.value;
      unitName = "ratio";
      valueMax = multiplier.valueMax ?? null;
      if (multiplier.hedge) bound = multiplier.hedge;
      else if (bound === "exact" && number.isFraction) bound = "approx";
      start = Math.min(start, multiplier.start);
      end = Math.max(end, multiplier.end);
      baselineAt = multiplier.baselineAt;
      // "about a quarter of its sales", "a third of the market": a fraction of a company's sales is
      // its share, in percent like any other.
      if (
        number.isFraction &&
        /^\s+of\s+(?:its|their|the|(?:[A-Z][\w&-]*\s+){0,2}[A-Z][\w&-]*(?:[’']s|(?<=s)[’']))\s+(?:[\w-]+\s+){0,2}?(?:sales|revenue|market|orders)\b/i.test(
          sentence.slice(number.end),
        )
      ) {
        value = round6(value * 100);
        valueMax = valueMax === null ? null : round6(valueMax * 100);
        unitName = "percent";
        baselineAt = null;
      }
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
  for (const match of sentence.matchAll(
    /\b(?:(more than|nearly|almost|about|roughly|over|at least)\s+)?(double|twice|triple|quadruple|(?:two|three|four|five|six|seven|eight|nine|ten)fold)(?:s|d)?\b(?!-|\s+down\b)/gi,
  )) {
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

/** "a TPP score of 21,000": a unit named before its number. */
function unitBefore(before: string, number: NumberMatch) {
  if (number.isWord) return null;
  for (const { pattern, unit } of SPOKEN_UNITS_BEFORE) if (pattern.test(before.slice(-60))) return { name: unit, factor: 1, length: 0 };
  return null;
}

/** A bare score after "scores" or "lands at", in a passage whose score unit is already named. */
function inheritedScore(before: string, after: string, number: NumberMatch, scoreUnit: UnitKey | null) {
  if (!scoreUnit || number.isWord || number.value < 10) return null;
  // "… scores 4,992 and the H100 about 15,800": the verb of the first score serves the second.
  const scoring = /\b(?:scores?|scored|scoring|lands? at|comes? in at|rates? at|rated at|sits? at)\s+(?:about|around|roughly|only|just|nearly|some)?\s*$/i;
  const gapped =
    /\b(?:scores?|scored|scoring|rates? at|rated at)\s+(?:about\s+|around\s+|roughly\s+)?[\d,.]+\s+(?:and|while|against)\s+(?:the\s+|its\s+)?[A-Z][\w-]*(?:\s+[A-Z\d][\w-]*)?\s+(?:about|around|roughly|only|just|nearly|some)?\s*$/;
  if (!scoring.test(before) && !gapped.test(before)) return null;
  if (/^\s*[A-Za-z%]/.test(after) && !/^\s*(?:on|in|under|by|and|,)\b/i.test(after)) return null;
  return { name: scoreUnit, factor: 1, length: 0 };
}

function unitOf(after: string) {
  for (const { pattern, unit, multiplier } of SPOKEN_UNITS) {
    const match = pattern.exec(after);
    if (match) return { name: unit, factor: multiplier, length: match[0].length };
  }
  return null;
}

/**
 * The counted noun within the next few words: "300,000 H20 AI chips", "56 illegal exports",
 * "88 custom Arm cores". A word from COUNT_NOUN, or — with parts of speech — any plural noun the
 * tagger marks, reached over adjectives, names and compounds only.
 */
function countNoun(after: string, at: number, nounAt: (at: number) => string | undefined): { noun: string } | null {
  const lead = /^[\s-]*/.exec(after)![0].length;
  const words = [...after.slice(lead, lead + 120).matchAll(/\S+/g)].slice(0, 7);
  for (let i = 0; i < words.length; i++) {
    const raw = words[i]![0];
    const word = raw.replace(/[.,;:)’'"”]+$/, "");
    if (/^(?:of|in|to|for|from|by|with|or|that|which|than|per)$/i.test(word) && i > 0) break;
    if (COUNT_NOUN.test(word)) {
      const pair = `${raw} ${words[i + 1]?.[0] ?? ""}`.replace(/[.,;:)]+$/, "");
      return { noun: /^(?:ai chips?|hard drives?|data cent(?:er|re)s)$/i.test(pair) ? pair : word };
    }
    const pos = nounAt(at + lead + words[i]!.index);
    if (isPluralNoun(word, pos)) return { noun: word };
    if (i === 1 && /^of$/i.test(words[0]![0]) && /^(?:them|these|those)$/i.test(word)) return { noun: "of them" };
    // Only modifiers may stand between the number and its noun: adjectives, names (any capitalised
    // word: the tagger reads "Ascend" as a verb), "or more", and one word of any tag right before a
    // plural noun ("two compute tiles").
    const nextWord = words[i + 1]?.[0].replace(/[.,;:)’'"”]+$/, "") ?? "";
    const modifier =
      !pos ||
      ["ADJ", "NOUN", "PROPN", "NUM", "PUNCT"].includes(pos) ||
      /^[A-Z]/.test(word) ||
      pos === "ADV" ||
      // A participle used as an adjective ("two advanced packaging facilities"), tagged as a verb.
      (pos === "VERB" && i < 2 && /^[a-z]+(?:ed|ing)$/.test(word)) ||
      (pos === "CCONJ" && /^(?:and|or)$/.test(word)) ||
      // A part of a whole: "4,500 of the chips", "500,000 of Nvidia's most advanced AI chips".
      (i === 0 && word === "of") ||
      (i === 1 && /^of$/i.test(words[0]![0]) && /^(?:the|its|their|his|her|our|these|those)$/i.test(word)) ||
      (/^(?:more|fewer|less)$/.test(word) && /^(?:or|and)$/i.test(words[i - 1]?.[0] ?? "")) ||
      (i < 2 && (isPluralNoun(nextWord, nounAt(at + lead + (words[i + 1]?.index ?? -1))) || COUNT_NOUN.test(nextWord)));
    if (!modifier) break;
    if (/[,;:)]$/.test(raw) && !/^[A-Z]/.test(raw)) break; // "Huawei Technologies Co., Ltd. affiliates" goes on
  }
  return null;
}

function isPluralNoun(word: string, pos: string | undefined): boolean {
  // (Not "graphics", "electronics", "robotics": nouns in -ics are not plurals, and modify the head that follows.)
  return pos === "NOUN" && /^[a-z][a-z-]*[a-z]s$/.test(word) && !/(?:ss|us|is|ics)$/.test(word);
}

/**
 * Ratios: "40% more … than X", "four times that of X", "one-third the … of X", "2.5 times higher
 * than X", "half the … of X". Returns the ratio and where the baseline is named.
 */
type Multiplier = { value: number; valueMax?: number | null; start: number; end: number; baselineAt: number | null; hedge: Bound | null };

function relativeMultiplier(sentence: string, number: NumberMatch, multiples: boolean): Multiplier | null {
  const after = sentence.slice(number.end);
  const before = sentence.slice(Math.max(0, number.start - 100), number.start);
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
    /^\s*(?:times|x|×)\s+(?:(?:more|higher|greater|larger|faster|bigger|better|less|lower|smaller)\b(?:\s+[\w-]+){0,3}?\s+than\s+|(?:more|higher|greater|larger|faster|bigger|better)\s+|that of\s+|those of\s+|as (?:much|many|fast|large|high) as\s+|(?:the|their|its|his|her)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?|over\s+|what\s+)/i.exec(
      after,
    );
  if (times) {
    return { value: number.value, start: number.start, end: number.end + times[0].length, baselineAt: number.end + times[0].length, hedge: null };
  }
  // "Against GB300 NVL72: 3.3x", "oversubscribed 2,750 times", "a six-fold rise", "2.3 times
  // worse": multiples with the baseline named elsewhere.
  const bare = !multiples
    ? null
    : (/^(?:\s*(?:x|×)(?=\s*(?:$|[.,;:)]))|[\s-]*fold\b|\s*times\s+(?:worse|better|more|less|higher|lower|faster|slower|greater|larger|smaller|cheaper|costlier)\b)/i.exec(after) ??
      (/\b(?:oversubscribed|subscribed)\s+(?:about\s+|nearly\s+|more than\s+)?$/i.test(before) ? /^\s*times\b/i.exec(after) : null));
  if (bare) return { value: number.value, start: number.start, end: number.end + bare[0].length, baselineAt: null, hedge: null };
  if (number.isFraction && !/\b(?:first|second|latter|back|front|last)\s+$/i.test(before)) {
    // "half the BR100's throughput", "one-third of that fleet", "at or below half of U.S. shipments".
    const of = multiples
      ? /^\s+(?:of\s+)?(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:of|than)\s+|^\s+(?:the\s+)?(?=[\w-]+[’']s\b)|^\s+of\s+(?!\d{4}\b)/i.exec(after)
      : /^\s+(?:of\s+)?(?:the|its)\s+(?:[\w-]+\s+){0,3}?(?:of|than)\s+/i.exec(after);
    if (of) return { value: number.value, start: number.start, end: number.end + of[0].length, baselineAt: number.end + of[0].length, hedge: null };
    if (multiples) {
      // "half the raw computing power", "a third the memory bandwidth": the baseline is the product
      // named before; "cut output by a third", "fell by half": a change by that fraction.
      const measure =
        /^\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:power|performance|compute|computing power|memory|bandwidth|speed|throughput|capacity|price|cost|size|output|revenue|sales)\b/i.exec(
          after,
        );
      if (measure) return { value: number.value, start: number.start, end: number.end + measure[0].length, baselineAt: null, hedge: null };
      if (
        /\bby\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|more than\s+)?$/i.test(before) &&
        /^\s*(?:[.,;)]|$|\s+(?:in|since|from|over|last|this|to|year|compared|after|before|during)\b)/i.test(after)
      )
        return { value: number.value, start: number.start, end: number.end, baselineAt: null, hedge: null };
    }
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
  if (/[A-Za-z]:$/.test(sentence.slice(0, number.start))) return true; // "Country Group D:5"
  if (/^[A-Za-z]/.test(after) && !/^(?:[kmbKMB]\b|x\b|nm|kW|MW|W\b|GB|TB|PB|mm|bn|mn|tn)/.test(after) && !unitOf(sentence.slice(number.end))) return true;
  if (before === "-" && /[A-Za-z]-$/.test(sentence.slice(Math.max(0, number.start - 2), number.start))) return true;
  if (/\b[A-Z]\+$/.test(sentence.slice(Math.max(0, number.start - 3), number.start))) return true; // process names: "N+2"
  return false;
}

function isIgnorable(before: string, after: string, number: NumberMatch, notFacts: boolean): boolean {
  if (/\[$/.test(before) && /^\]/.test(after)) return true; // footnote marker [1]
  if (/^\s*(?:-|\s)?min(?:ute)?s?\s+read\b/i.test(after)) return true; // "5 min read"
  if (/\b(?:aged?|age of)\s+$/i.test(before) || /^[\s-]*years?[\s-]*old\b/i.test(after)) return true; // ages
  if (/\b(?:No\.|Section|Article|Rule|Chapter|FR|CFR|U\.S\.C\.|page|p\.|pp\.)\s*$/i.test(before)) return true; // citations
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|ET\b)/i.test(after) || /^:\d\d/.test(after) || /\b\d{1,2}:$/.test(before)) return true; // times
  if (/\bQ$/.test(before) || /\bFY\s?$/.test(before)) return true; // Q1, FY2025 are dates
  if (!notFacts) return FRACTIONS[number.text.toLowerCase()] !== undefined && !number.isFraction;
  if (/(?:plus or minus|±)\s*(?:US\$|HK\$|NT\$|\$|¥|€|£)?\s*$/i.test(before)) return true; // a guidance tolerance, not a figure
  // "its biggest gain in three weeks", "its highest in more than three years": a record's span.
  if (
    /\b(?:biggest|largest|highest|lowest|best|worst|fastest|slowest|strongest|weakest|sharpest|steepest|most)\b[^.;,]{0,40}\bin\s+(?:(?:more than|over|almost|nearly|about|at least)\s+)?$/i.test(
      before,
    ) &&
    /^[\s-]*(?:hours?|days?|weeks?|months?|years?|decades?)\b/i.test(after)
  )
    return true;
  // "Its shares rose 2.1% to 93,300 won", "Cambricon jumped by its 20% daily limit to a record 1,243.2
  // yuan": the share price after a move, not a sum.
  if (
    /\b(?:shares?|stock)\b[^.;]{0,60}\b(?:rose|fell|gained|lost|jumped|dropped|climbed|slid|surged|tumbled|closed|ended|was up|was down)\b[^.;]{0,20}[\d.]+\s?(?:%|percent)\s+to\s+(?:US\$|HK\$|S\$|NT\$|\$|¥|€|£|₩)?\s*$/i.test(
      before,
    ) ||
    /\b(?:rose|fell|gained|lost|jumped|dropped|climbed|slid|surged|tumbled|soared|sank)\s+(?:by\s+)?(?:its\s+|the\s+)?[\d.]+\s?(?:%|percent)\s+(?:(?:daily|trading)\s+)?limit\s+to\s+(?:a\s+(?:record|new high of|record high of|fresh high of|low of)\s+)?(?:US\$|HK\$|S\$|NT\$|\$|¥|€|£|₩)?\s*$/i.test(
      before,
    )
  )
    return true;
  // "an analyst with 12 years of experience": a person's career, not a figure of the story.
  if (/^[\s-]*years?\s+(?:of\s+)?(?:experience|service)\b|^[\s-]*years?['’]\s+experience\b/i.test(after)) return true;
  // "HBM2E chips, two generations behind the most advanced": how old a design is, not a figure.
  if (/^[\s-]*generations?\s+(?:behind|ahead|older|newer|old|back|earlier|later)\b/i.test(after)) return true;
  // "12-layer HBM3E chips", "a 16-high stack": a product's build, written like its name.
  if (/^-(?:layer|high|hi)\s+(?:HBM|stacks?|DRAM|NAND|memory|chips?)/i.test(after)) return true;
  // "Qwen 2.5-Max", "GPT 4-Turbo", "Llama 3-Instruct": a model's name holding a number.
  if (/^\d{1,2}(?:\.\d)?$/.test(number.text) && /\b[A-Z][\w]*\s+$/.test(before) && /^-[A-Z][A-Za-z]+\b/.test(after)) return true;
  // "The stock closed up 693% at 829.90 yuan", "Its shares closed 0.8% higher at 17,700 yen".
  if (
    /\b(?:closed|ended|finished|opened|settled)\s+(?:(?:up|down|higher|lower)\s+)?[\d.,]+\s?(?:%|percent)\s+(?:(?:higher|lower|up|down)\s+)?at\s+(?:US\$|HK\$|S\$|NT\$|\$|¥|€|£)?\s*$/i.test(
      before,
    )
  )
    return true;
  // "exceeded 1 trillion yuan for the first time, reaching 1.13 trillion yuan": a milestone passed,
  // restated by the exact figure that follows.
  if (
    /\b(?:exceed(?:ed|s|ing)?|top(?:s|ped|ping)?|surpass(?:ed|es|ing)?|pass(?:ed|es|ing)?|cross(?:ed|es|ing)?|broke|breaking)\s+(?:the\s+)?(?:US\$|HK\$|NT\$|\$|¥|€|£)?\s*$/i.test(
      before,
    ) &&
    /^[^.;\d]{0,50}?,\s*(?:reaching|hitting|at|to reach|rising to|climbing to|totall?ing)\s+(?:about\s+|around\s+|roughly\s+)?(?:US\$|HK\$|NT\$|\$|¥|€|£)?\s*\d/i.test(after)
  )
    return true;
  // "one of the biggest buyers", "eight cores, one of them clocked at …": one picked from a group.
  if (/^\s+of\s+(?:the|its|their|them|those|these|which|whom)\b/i.test(after) && /^one$/i.test(number.text)) return true;
  // "four of the country's biggest companies", "two of its largest customers": some picked from a
  // group by rank, a description rather than a count of the story.
  if (number.isWord && number.value <= 12 && /^\s+of\s+(?:the|its|their|[A-Z]?[\w-]+[’']s?)\s+(?:[\w-]+[’']s\s+)?(?:\w+est|top|leading|major|main|key)\b/i.test(after)) return true;
  // "unveiled two accelerators for data centres, the AI200 and AI250": products counted and then
  // named are described, not counted.
  if (
    number.isWord &&
    number.value >= 2 &&
    number.value <= 10 &&
    /^[^.;:\d]{0,60}?\b(?:chips|accelerators|processors|products|models|systems|versions|variants|GPUs|racks|servers|cards|phones)\b[^.;:\d,]{0,40},\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?(?:,\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?)*,?\s+and\s+(?:the\s+)?[A-Z]/.test(
      after,
    )
  )
    return true;
  if (/^-off\b/i.test(after) || (/^\s+or so\b/i.test(after) && number.value === 12)) return true; // "one-off gains", "a dozen or so"
  // "its fastest growth in five years": a superlative's time frame, not a length of time.
  // (Also "his first visit to the country in 15 years", "only the second time in 20 years".)
  if (/\b(?:\w+est|first|only)\b[^.;,]{0,40}\b(?:in|for|since)\s+$/i.test(before) && /^[\s-]*(?:years?|months?|quarters?|decades?)\b/i.test(after)) return true;
  // "The announcements came two days after …", "Three weeks later, …": how far apart two moments are,
  // not a length of time the story measures (but "within 30 days after" is a deadline).
  if (
    /^[\s-]*(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before|earlier|later)\b/i.test(after) &&
    !/\b(?:within|for|up to|at least|no later than|no more than|more than)\s+$/i.test(before)
  )
    return true;
  if (LABEL_BEFORE.test(before) || (/^\s*$/.test(before) && /^[.)]\s/.test(after))) return true; // "Tier 2", "1) …"
  // "the first nine months", "the past 12 months": a period that dates a figure, not a length of time.
  if (/\b(?:first|last|past|previous|prior|final|trailing)\s+$/i.test(before) && /^[\s-]*(?:months?|quarters?|years?|weeks?|days?|hours?)\b/i.test(after)) return true;
  // Page chrome: "12 comments", "3.4K shares", "1,200 views".
  if (/^\s*(?:[kK]\s+)?(?:comments?|shares|likes|views|replies|reactions|reposts|retweets|followers|subscribers)\b(?!\s+(?:of|in)\b)/.test(after) && /(?:^|[|•·]\s*)$/.test(before))
    return true;
  // Wafer and screen sizes ("eight-inch wafers", "300mm fabs") describe the product line, not a figure.
  if (/^[\s-]*(?:inch(?:es)?|in\.|mm(?![²2])|millimet(?:er|re)s?(?! squared))\b/i.test(after)) return true;
  // Share prices other than a deal's terms: "a target price of HK$40", "closed at $135.40".
  if (
    /\b(?:target price|price target|closing price|closed at|closing at|opened at|ended (?:the day )?at|traded at|trading at|a record high of|an all-time high of)\s+(?:of\s+)?(?:US\$|HK\$|S\$|NT\$|\$|¥|€|£)?\s*$/i.test(
      before,
    )
  )
    return true;
  // "profitable for three straight quarters", "a fifth consecutive year of growth", "four days in a row":
  // a streak is ordinal trivia, not a length of time.
  if (
    /^[\s-]+(?:straight|consecutive|successive)\s+(?:hours?|days?|weeks?|months?|quarters?|years?|sessions?)\b|^[\s-]+(?:hours?|days?|weeks?|months?|quarters?|years?|sessions?)\s+in\s+a\s+row\b/i.test(
      after,
    )
  )
    return true;
  // "for a third month", "the fifth straight quarter": a fraction word before a noun is an ordinal.
  if (
    number.isWord &&
    /^(?:(?:a|one)[\s-]+)?(?:third|fourth|fifth|tenth)$/i.test(number.text) &&
    /^\s+(?!(?:of|the|its|their|his|her|our|a|an|in|on|at|to|by|from|as|than|and|or|but|more|less|fewer|that|this|these|those|since|after|before|lower|higher|smaller|larger|down|up|last|next|so|over|during|compared|versus)\b)[a-z]/.test(
      after,
    )
  )
    return true;
  if (IDIOM_AFTER.test(after) || (/^[\s-]day\b/i.test(after) && /\b(?:could|might|may|will|would|some|one)\s+$/i.test(before))) return true;
  return FRACTIONS[number.text.toLowerCase()] !== undefined && !number.isFraction;
}

function insideAny(start: number, end: number, ranges: [number, number][]) {
  return ranges.some(([s, e]) => start < e && end > s);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

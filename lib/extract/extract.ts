// Article text → candidate facts and entities, each with exact offsets and quote. Pure: no
// database, no network, no I/O; the gazetteer of known entities is passed in.
import type { Bound, EntityKind } from "@/lib/generated/prisma/enums";
import { classify } from "@/lib/extract/classify";
import { confidenceOf, type Evidence } from "@/lib/extract/confidence";
import type { ExtractionKind } from "@/lib/extract/kinds";
import type { FactStatus } from "@/lib/generated/prisma/enums";
import { findDates, type FoundDate } from "@/lib/extract/dates";
import { findEvents, type Figure, type ProposedEvent } from "@/lib/extract/events";
import { COUNTRY_ADJECTIVES, countryName, countryOfAdjective, SUBJECT_COUNTRY_NAMES } from "@/lib/entities/countries";
import { DATELINE, findMentions, type Gazetteer, type Mention, type Person } from "@/lib/extract/entities";
import { tagTokens, type Token } from "@/lib/extract/syntax";
import { findQuantities, type Quantity } from "@/lib/extract/quantities";
import { ruleOn, type RuleFamily, type RuleSwitches } from "@/lib/extract/rules";
import { splitSentences, type Sentence } from "@/lib/extract/sentences";
import { CASE_METRICS, CONCEPTS, type MetricKey, type Qualifiers } from "@/lib/metrics/registry";
import { hasWrittenUnit, isMoneyUnit, unitInfo, type Dimension, type UnitKey } from "@/lib/metrics/units";

export type ExtractedFact = {
  kind: ExtractionKind;
  metric: MetricKey;
  /** What tells this figure apart within its metric ("FP8", "total"); see the registry. */
  qualifiers: Qualifiers;
  status: FactStatus;
  subject: string | null;
  object: string | null;
  value: number;
  valueMax: number | null;
  unit: string;
  approx: boolean;
  bound: Bound;
  /** YYYY-MM-DD, YYYY-MM or YYYY: as precise as the text is. */
  date: string | null;
  quote: string;
  start: number;
  end: number;
  /** Other places the article states the same figure (headline, summary box): one fact, many quotes. */
  alsoQuoted: { quote: string; start: number; end: number }[];
  /** For a conversion in brackets ("450 million yuan (US$61.83 million)"): the index of the fact it restates. */
  restates: number | null;
  /** What the proposal rests on, and how likely it is right as proposed (lib/extract/confidence.ts). */
  evidence: Evidence;
  confidence: number;
};

export type ExtractedEntity = { name: string; kind: EntityKind; start: number; end: number; known: boolean };
export type Extraction = { facts: ExtractedFact[]; events: ProposedEvent[]; entities: ExtractedEntity[] };

const ORGANISATIONS: EntityKind[] = ["company", "agency", "university", "government"];
const PRODUCTS: EntityKind[] = ["chip", "system"];
// Dimensions whose figures describe a product (its spec sheet), not an organisation.
const SPEC_DIMENSIONS = new Set<Dimension>(["compute", "power", "memory", "bandwidth", "length", "area", "frequency", "ratio", "score"]);
// A name governed by a preposition is an object ("with TSMC", "against a GB300 NVL72"), except the
// owner of shares, revenue or yields ("Shares of Moore Threads", "Yields at SMIC"), who is the subject.
const OBJECT_PREPOSITION =
  /(?<!\b(?:[Ss]hares|[Ss]tock|[Rr]evenue|[Ss]ales|[Pp]rofit|[Ii]ncome|[Mm]arket value|[Vv]aluation|[Yy]ields?)\s+)\b(?:with|from|to|by|than|for|against|into|in|on|at|of|over|versus|vs\.?|including|such as|like)\s+(?:the\s+|its\s+|their\s+|an?\s+|China[’']s\s+)?(?:[A-Z][\w-]*(?:[’']s)?\s+)?$/i;
// The nouns of "this system", "the company", "the regulator": what each refers back to. One table:
// the pattern below is built from it and attributeSubject reads it.
const ANAPHOR_NOUNS = {
  product: [
    "system",
    "cluster",
    "chip",
    "design",
    "rack",
    "supernode",
    "machine",
    "processor",
    "accelerator",
    "gpu",
    "npu",
    "phone",
    "smartphone",
    "handset",
    "server",
    "card",
    "kit",
    "module",
  ],
  authority: ["department", "ministry", "agency", "regulator", "commission", "bureau"],
  government: ["government"],
  fund: ["fund"],
  rule: ["rule", "regulation", "framework"],
  buyer: ["buyer", "purchaser", "customer"],
  supplier: ["supplier", "seller", "vendor"],
  party: ["company", "firm", "group", "chipmaker", "maker", "developer", "owner", "operator", "creator", "parent", "provider"],
  matter: ["plea", "agreement", "deal", "order", "case", "move", "package", "plan", "programme", "program", "scheme"],
} as const;
type AnaphorReferent = keyof typeof ANAPHOR_NOUNS;
const REFERENT_OF = new Map<string, AnaphorReferent>(
  Object.entries(ANAPHOR_NOUNS).flatMap(([referent, nouns]) => nouns.map((noun) => [noun, referent as AnaphorReferent] as const)),
);
// "This system", "The company", "It", "The ChatGPT maker": the subject is one named in an earlier
// sentence (one word may stand between the determiner and the noun: an epithet's product). The noun
// is a whole word, singular or plural ("the chips"), never the start of another ("the chipmaker").
const ANAPHOR = new RegExp(
  `^(?:[A-Z][\\w ,’']{0,40}?,\\s+)?(?:this|that|the|its|it|these|they)\\b(?:\\s+(?:[A-Z][\\w-]*\\s+)?(${[...REFERENT_OF.keys()].sort((a, b) => b.length - a.length).join("|")})(?:e?s)?\\b)?`,
  "i",
);

// "South Korea's government", "the Japanese government", "the government of Malaysia" (not the US's:
// "the U.S. government" is an entity of its own).
const NAMED_GOVERNMENT = new RegExp(
  `\\b(?:(${SUBJECT_COUNTRY_NAMES.join("|")})[’']s\\s+government|[Tt]he\\s+(${COUNTRY_ADJECTIVES.filter((a) => countryOfAdjective(a) !== "US")
    .map((a) => a.replace(/\./g, "\\."))
    .join("|")})\\s+government|government\\s+of\\s+(${SUBJECT_COUNTRY_NAMES.join("|")}))\\b`,
);

// A country's measures opening a sentence: "Exports of integrated circuits rose …", "Imports grew …".
const NATIONAL_MEASURE = /^(?:[A-Z][\w-]*\s+)?(?:exports|imports|output|production|shipments|chip output|chip production)\b(?:\s+of\b)?/i;

// "the Dutch company", "this Chinese chip designer", "the South Korean memory maker".
const NATIONAL_ANAPHOR = new RegExp(
  `\\b(?:[Tt]he|[Tt]his|[Tt]hat)\\s+(${COUNTRY_ADJECTIVES.map((a) => a.replace(/\./g, "\\.")).join("|")})\\s+(?:[\\w-]+\\s+){0,2}?(?:company|firm|group|chipmaker|maker|manufacturer|designer|giant|supplier|operator|start-?up)\\b`,
);

// "China produced …", "In 2024, Japan's output of …", "the Netherlands accounted for …": a country
// opening a clause (after a bullet, a dateline or at most one leading phrase such as "In 2024,"), not the
// first word of a company's name ("China Mobile", "Taiwan Semiconductor").
const COUNTRY_OPENING = new RegExp(
  `^\\s*(?:[-•*–]\\s+)?(?:${DATELINE.source}\\s*)?(?:[^,;]{0,40},\\s+)?(?:[Tt]he\\s+)?(${SUBJECT_COUNTRY_NAMES.join("|")}|[Tt]he country)(?![\\w-]|\\s+[A-Z])(?:[’']s\\b)?`,
);
// "… Nvidia sold", "… Huawei has shipped": the verb of a relative clause that leaves out "that".
const RELATIVE_DEED =
  /^\s+(?:(?:has|have|had)\s+)?(?:sold|shipped|bought|ordered|delivered|made|produced|received|exported|imported|deployed|purchased|installed|stockpiled|smuggled|booked|acquired)\b/;
// "China accounted for 13% of Nvidia's revenue, or $17 billion", "49% of the company's system
// sales": a region's share of a company's sales is the company's figure (the labelling's regional
// revenue shares), for every figure of the sentence.
const SHARE_OF_SALES = /\bof\s+(?:(?:its|their|total|the\s+[\w-]+[’']s|[\w.&-]+(?:\s+[\w.&-]+){0,2}[’']s)\s+)?(?:[\w-]+\s+)?(?:revenue|sales|income|turnover)\b/i;

export type ExtractOptions = {
  gazetteer: Gazetteer;
  published?: Date | null;
  /** Rule families to switch off (the ablation in scripts/eval/ablation.ts); all on by default. */
  rules?: RuleSwitches;
};

export function extractFacts(text: string, options: ExtractOptions): Extraction {
  const on = (family: RuleFamily) => ruleOn(options.rules, family);
  const sentences = splitSentences(text);
  const tokens = tagTokens(text);
  const partsOfSpeech = new Map<number, string>();
  for (const token of tokens) partsOfSpeech.set(token.start, token.pos);
  const { mentions, people } = findMentions(text, options.gazetteer, tokens);
  const dates = findDates(text, options.published ?? null);
  const nameSpans = mentions.map((m) => [m.start, m.end] as [number, number]);
  const dateSpans = dates.map((d) => [d.start, d.end] as [number, number]);
  const facts: ExtractedFact[] = [];
  // Where each proposed figure stands, and its kind: a dated clause holding one dates that figure, not an event.
  const figures: Figure[] = [];
  // What the article is about: its most-named party, the subject of figures no sentence attributes
  // ("Revenue for fiscal Q3 came in at $57.0 billion" in a story about Nvidia).
  const topic = topicOf(mentions);
  const recent: Recent = {
    organisation: null,
    company: null,
    product: null,
    fund: null,
    rule: null,
    goods: null,
    products: [],
    person: null,
    topic,
    paragraph: null,
    list: null,
    bullet: null,
    buyer: null,
    supplier: null,
    caseDefendant: null,
    authority: null,
    country: null,
    byCountry: new Map(),
  };
  const { countryOf, governmentOf } = options.gazetteer;
  const headings = on("listProducts") ? findHeadings(text, options.gazetteer) : [];
  const allMentions = dropOverlapping([...mentions, ...headings]);
  // The lead defendant: the first person named in a sentence about a criminal case.
  const caseSentences = sentences.filter((s) => CASE_WORDS.test(s.text));
  const defendant = on("caseDefendants") ? people.find((p) => caseSentences.some((s) => p.start >= s.start && p.end <= s.end)) : undefined;
  if (defendant) recent.caseDefendant = { name: defendant.surname, kind: "company", start: defendant.start, end: defendant.end, known: false };
  let paragraphStart = -1;
  const paragraphStarts = [0, ...[...text.matchAll(/\n[^\S\n]*\n/g)].map((m) => m.index + m[0].length)];

  // The noun the last counted figure counted, for "The remaining 52,000" in a later sentence.
  let previousNoun: string | null = null;
  // The score scale a passage talks in ("TPP"), for bare scores in the sentences that follow.
  let scoreUnit: { unit: UnitKey; at: number } | null = null;
  // "450 million yuan (US$61.83 million)": two currencies are two facts (the labelling's rule), but
  // the bracketed one restates the other; it is marked so the review form does not count it twice.
  const conversions = new Map<ExtractedFact, ExtractedFact>();
  let lastMoney: { end: number; fact: ExtractedFact } | null = null;
  // Figures a sentence compares with ("down from more than $40 billion"): never a rounded restatement.
  const baselines = new Set<ExtractedFact>();
  for (const sentence of sentences) {
    const inSentence = within(allMentions, sentence);
    const sentenceTokens = within(tokens, sentence);
    const paragraph = paragraphOf(paragraphStarts, sentence.start);
    if (paragraph.start !== paragraphStart) {
      paragraphStart = paragraph.start;
      recent.paragraph = null;
    }
    // A list takes the product of its heading line, else the one named just before it.
    const lineStart = text.lastIndexOf("\n", sentence.start - 1) + 1;
    if (on("listProducts") && isBullet(text, sentence.start)) {
      recent.list ??= headings.findLast((h) => h.start >= paragraph.previousStart && h.start < sentence.start) ?? recent.product;
      // The first sentence of a bullet line: does it open with a product?
      if (/^[^\S\n]*(?:[-•*–]\s*)?$/.test(text.slice(lineStart, sentence.start))) {
        const opening = inSentence[0];
        recent.bullet = opening && PRODUCTS.includes(opening.kind) && opening.start - lineStart <= 4 ? opening : null;
      }
    } else if (text[sentence.start - 1] === "\n" || sentence.start === 0) {
      recent.list = null;
      recent.bullet = null;
    }
    const peopleInSentence = within(people, sentence);
    const inheritedScore = scoreUnit && sentence.start - scoreUnit.at < 600 ? scoreUnit.unit : null;
    const quantities = findQuantities(sentence.text, sentence.start, nameSpans, dateSpans, { partsOfSpeech, scoreUnit: inheritedScore, rules: options.rules, previousNoun });
    previousNoun = quantities.findLast((q) => q.noun)?.noun ?? previousNoun;
    const respective = on("coordinatedSubjects") ? respectivePairs(quantities, inSentence, sentence, text) : new Map<Quantity, Mention>();
    const named = quantities.find((q) => unitInfo(q.unit)?.dimension === "score");
    if (named) scoreUnit = { unit: named.unit as UnitKey, at: sentence.end };
    // Periods ("since 2019", "between 2015 and 2021") only date the facts around them.
    for (const quantity of quantities.filter((q) => q.period === null)) {
      // "roughly double its 2025 output": a multiple of what a company makes or earns is not a spec.
      const companyMeasure =
        /^\s*(?:[\w-]+\s+){0,2}?(?:its|their|the company[’']s|the group[’']s)\s+(?:(?:19|20)\d\d\s+|[\w-]+\s+)?(?:output|production|sales|revenue|shipments|capacity|orders|investment|spending|profit|market share)\b/i.test(
          text.slice(quantity.end, quantity.end + 60),
        );
      const specLike = SPEC_DIMENSIONS.has(unitInfo(quantity.unit)?.dimension ?? "count") && !(on("subjectFitsKind") && companyMeasure);
      const local = text.slice(Math.max(sentence.start, quantity.start - 90), Math.min(sentence.end, quantity.end + 60));
      const near = text.slice(Math.max(sentence.start, quantity.start - 40), quantity.start);
      const clause: Clause = {
        text,
        sentence,
        quantity,
        start: clauseStartOf(quantity, sentence, text, inSentence, sentenceTokens, options.rules),
        mentions: inSentence,
        people: peopleInSentence,
        tokens: sentenceTokens,
        recent,
        rules: options.rules,
        countryOf,
        governmentOf,
      };
      const clauseSubject = attributeSubject(clause, specLike);
      let classified = classify(quantity, sentence.text, local, near, clauseSubject?.kind ?? null);
      // "Both pack 185 billion transistors": the last two products the text described.
      const both = on("coordinatedSubjects") && (specLike || classified.kind === "spec") ? bothProducts(text, clause.start, quantity, inSentence, recent.products) : null;
      const subject = both?.[0] ?? respective.get(quantity) ?? applyFrame(classified.kind, clause, clauseSubject, classified.metric);
      if (subject?.kind !== clauseSubject?.kind) classified = classify(quantity, sentence.text, local, near, subject?.kind ?? null);
      // In a criminal case the goods bought or shipped are counts and the money moved is a sum
      // of the case (the labelling's kinds), not orders or investments.
      if (recent.caseDefendant && on("caseDefendants") && (classified.kind === "chip_order" || classified.kind === "investment") && !EQUITY_TERMS.test(clause.sentence.text))
        classified =
          classified.kind === "chip_order" && quantity.unit === "units"
            ? caseFigure(CASE_METRICS.goods, classified)
            : isMoneyUnit(quantity.unit)
              ? caseFigure(CASE_METRICS.money, classified)
              : classified;
      const { kind, metric, qualifiers, status, cued } = classified;
      // "its 2-nanometre process", "mass-produce 4-nanometre chips": a node written as an adjective names
      // a process generation (like "N+2"), unless it is said of a chip or system.
      if (
        on("notFacts") &&
        kind === "spec" &&
        unitInfo(quantity.unit)?.dimension === "length" &&
        /^-?(?:nanomet(?:re|er)|nm)\s+[a-z]/i.test(text.slice(quantity.start).replace(/^[\d.]+/, "")) &&
        !(subject && PRODUCTS.includes(subject.kind) && subject.start >= sentence.start && subject.end <= sentence.end) &&
        !RULE_WORDS.test(sentence.text)
      )
        continue;
      const object = attributeObject(quantity, inSentence, subject, text);
      const quote = quoteSpan(quantity, sentence, subject, object, text);
      if (kind === "chip_order" && on("roleAnaphora")) {
        // The subject is the buyer for an order, or when the frame found it after "supply … to".
        const buyerFirst = CONCEPTS[metric].actor !== "supplier" || Boolean(subject && /\bto\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, subject.start - 8), subject.start)));
        recent.buyer = (buyerFirst ? subject : object) ?? recent.buyer;
        recent.supplier = (buyerFirst ? object : subject) ?? recent.supplier;
      }
      // "the H100 and H200 SXM boards are both rated at 700 W", "Nvidia and AMD shares fell 4%":
      // one number said of two subjects is one fact for each (unless "respectively" pairs them off).
      const partners = both ? [both[1]] : subject && on("coordinatedSubjects") ? coordinated(subject, inSentence, quantity, text) : [];
      const clauseStart = clause.start;
      const evidence: Evidence = {
        kind,
        subjectInClause: Boolean(subject && subject.start >= clauseStart && subject.end <= quantity.start),
        subjectInSentence: Boolean(subject && subject.start >= sentence.start && subject.end <= sentence.end),
        subjectFromContext: Boolean(subject && (subject.start < sentence.start || subject.end > sentence.end)),
        knownSubject: Boolean(subject?.known),
        specificMetric: cued,
        statedUnit: hasWrittenUnit(quantity.unit),
        repeated: false,
        crowdedSentence: quantities.length >= 3,
      };
      const before = facts.length;
      const comparedWith = isBaseline(text, quantity.start);
      figures.push({ start: quantity.start, kind });
      for (const who of [subject, ...partners])
        facts.push({
          kind,
          metric,
          qualifiers,
          status,
          subject: who?.name ?? null,
          object: object?.name ?? null,
          value: round(quantity.value),
          valueMax: quantity.valueMax === null ? null : round(quantity.valueMax),
          unit: quantity.unit,
          approx: quantity.bound !== "exact",
          bound: quantity.bound,
          date: dateFor(quantity, sentence, dates),
          quote: text.slice(quote.start, quote.end),
          start: quote.start,
          end: quote.end,
          alsoQuoted: [],
          restates: null,
          evidence,
          confidence: 0,
        });
      if (comparedWith) for (const fact of facts.slice(before)) baselines.add(fact);
      // "bought $38 billion of equipment in 2024, up from about $23 billion in 2022", "Revenue rose to
      // $5 billion from $4.1 billion": the figure compared with is the same measure of the same party.
      // (Only a change "from" an earlier level: "compared with 989 teraflops for Nvidia's H100" and
      // "against the 1 million H20s Nvidia sold" name parties of their own.)
      const changedFrom = CHANGED_FROM.test(text.slice(Math.max(sentence.start, quantity.start - 40), quantity.start));
      const compared = changedFrom && on("clauseSubjects") ? facts.slice(0, before).findLast((f) => f.start >= sentence.start && sameDimension(f.unit, quantity.unit)) : undefined;
      // "… about 200,000 GPUs for Microsoft. The biggest share, about 104,000 GPUs, will be installed in
      // Texas. A further 12,600 …": a part of the whole the text just stated (the largest figure of its
      // unit in the passage) is the same measure of the same party.
      const whole =
        !compared &&
        on("clauseSubjects") &&
        PART_OF_WHOLE.test(text.slice(sentence.start, quantity.start)) &&
        // (not a part the sentence gives a party of its own: "A further 40,000 units were ordered by Alibaba")
        !inSentence.some((m) => ORGANISATIONS.includes(m.kind) && /\bby\s+(?:the\s+)?$/i.test(text.slice(Math.max(sentence.start, m.start - 10), m.start)))
          ? facts
              .slice(0, before)
              .filter((f) => f.start >= quantity.start - 800 && f.unit === quantity.unit && f.subject && (f.value ?? 0) > quantity.value)
              .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
          : undefined;
      const model = compared ?? whole;
      if (model && model.subject)
        for (const fact of facts.slice(before)) Object.assign(fact, { kind: model.kind, metric: model.metric, subject: model.subject, object: model.object });
      if (isMoneyUnit(quantity.unit)) {
        const fact = facts[before]!;
        if (
          lastMoney &&
          lastMoney.fact.unit !== fact.unit &&
          /^\s*\(\s*(?:about|around|roughly|approximately|or|some)?\s*(?:US\$|\$|S\$|HK\$|NT\$|€|£|¥)?\s*$/i.test(text.slice(lastMoney.end, quantity.start))
        )
          conversions.set(fact, lastMoney.fact);
        lastMoney = { end: quantity.end, fact };
      }
    }
    // Remember who the sentence was about (its first non-object mentions), for "This system …"
    // or "The company …" in the next one.
    // (Not a name describing counted goods: "The group sold 32.1 million Nvidia shares".)
    const subjects = inSentence.filter(
      (m) =>
        !governedByPreposition(text, sentence.start, m) &&
        !isResearchFirm(m) &&
        !(on("clauseSubjects") && inAside(text, sentence.start, m, sentence.end)) &&
        !(on("clauseSubjects") && /\d(?:\s*(?:million|billion|thousand))?\s+$/.test(text.slice(Math.max(sentence.start, m.start - 20), m.start))),
    );
    recent.product = subjects.find((m) => PRODUCTS.includes(m.kind)) ?? recent.product;
    const described = recent.bullet ?? subjects.find((m) => PRODUCTS.includes(m.kind));
    if (described && recent.products.at(-1)?.name !== described.name) recent.products = [...recent.products.slice(-1), described];
    recent.organisation = subjects.find((m) => ORGANISATIONS.includes(m.kind)) ?? recent.organisation;
    recent.company = subjects.find((m) => m.kind === "company") ?? recent.company;
    // The story's fund: the first one it names as a subject ("The fund, known as Big Fund III, …").
    recent.fund ??= subjects.find((m) => /\bFund\b/.test(m.name)) ?? null;
    recent.rule = namedRule(text, sentence) ?? recent.rule;
    if (on("paragraphTopic")) recent.paragraph ??= subjects.find((m) => m.kind === "company") ?? null;
    for (const m of inSentence) if (m.kind === "company" && countryOf.has(m.name)) recent.byCountry.set(countryOf.get(m.name)!, m);
    recent.authority = inSentence.findLast((m) => AUTHORITIES.includes(m.kind) || m.kind === "government") ?? recent.authority;
    // "Japan announced new chip subsidies.": the country a later "the government" or "the plan" is.
    const opening = on("countrySubjects") ? countryOpening(text, sentence.start, sentence.end, sentenceTokens) : null;
    if (opening && !/^the country$/i.test(opening.name) && !inSentence.some((m) => m.start < opening.start)) recent.country = opening.name;
    // "… to South Korea's government and four of its biggest companies": a country's government named
    // anywhere in the sentence is the one a later "the government" means.
    const government = on("countrySubjects") ? NAMED_GOVERNMENT.exec(sentence.text) : null;
    if (government) recent.country = government[1] ?? government[3] ?? countryName(countryOfAdjective(government[2]!)!);
    const person = peopleInSentence[0];
    if (person) recent.person = { name: person.surname, kind: "company", start: person.start, end: person.end, known: false };
  }
  const merged = on("oneFactPerQuantity") ? mergeRepeats(facts, text, baselines) : facts;
  for (const [conversion, original] of conversions) {
    if (!merged.includes(conversion) || !merged.includes(original)) continue;
    conversion.restates = merged.indexOf(original);
    // "12.1 trillion won ($8.5 billion)": the same sum in another currency is the same fact, whatever
    // the words around the bracket suggest.
    Object.assign(conversion, { kind: original.kind, metric: original.metric, qualifiers: original.qualifiers, subject: original.subject, object: original.object });
  }
  for (const fact of merged) {
    fact.evidence.repeated = fact.alsoQuoted.length > 0;
    fact.confidence = confidenceOf(fact.evidence);
  }
  return {
    facts: merged,
    events: findEvents(text, sentences, dates, mentions, figures),
    entities: mentions.map(({ name, kind, start, end, known }) => ({ name, kind, start, end, known })),
  };
}

/**
 * Products named by a heading line in capitals ("VERA RUBIN NVL144 - due in the second half of
 * 2026"): the subject of the bullets under it. Known products keep their gazetteer name.
 */
function findHeadings(text: string, gazetteer: Gazetteer): Mention[] {
  const headings: Mention[] = [];
  for (const line of text.matchAll(/^[^\S\n]*(?:[-•*–]\s+)?([^\n]{3,80})$/gm)) {
    const content = line[1]!;
    // The name part (before " - ", ":" or "(") is in capitals; what follows may not be. A bullet's
    // label before a colon ("- MI350X: 1,000 W", "- Zeta9: 96 GB") names its product in any case.
    const head = content.split(/\s+[-–—:|(]\s*|:\s*/)[0]!.trim();
    const letters = head.replace(/[^A-Za-z]/g, "");
    // (a name: every word capitalised or with a digit, not "FP4 inference" or "Rack power").
    const bulletLabel =
      /^[^\S\n]*[-•*–]\s+$/.test(line[0].slice(0, line[0].length - content.length)) &&
      content.startsWith(`${head}:`) &&
      head.split(/\s+/).every((word) => /^[A-Z0-9]/.test(word) && /[A-Z]/.test(word)) &&
      head.split(/\s+/).length <= 3;
    if (letters.length < (bulletLabel ? 2 : 3) || (letters !== letters.toUpperCase() && !bulletLabel)) continue;
    if (!/\d/.test(head) || head.split(/\s+/).length > 5) continue;
    const start = line.index + line[0].indexOf(head);
    const titled = head.replace(/\b([A-Z])([A-Z]+)\b/g, (word, first: string, rest: string) => (/\d/.test(word) || word.length <= 3 ? word : first + rest.toLowerCase()));
    const known = gazetteer.find(titled).find((m) => PRODUCTS.includes(m.kind) && m.end - m.start === titled.length);
    headings.push({
      name: known?.name ?? titled,
      kind: known?.kind ?? (/NVL|rack|cluster|pod/i.test(head) ? "system" : "chip"),
      start,
      end: start + head.length,
      known: Boolean(known),
    });
  }
  return headings;
}

function dropOverlapping(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const mention of sorted) if (!kept.length || mention.start >= kept.at(-1)!.end) kept.push(mention);
  return kept;
}

/** The start of the paragraph (text between blank lines) around an offset, and of the one before it. */
function paragraphOf(starts: number[], at: number): { start: number; previousStart: number } {
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= at) index++;
  return { start: starts[index]!, previousStart: starts[Math.max(0, index - 1)]! };
}

function isBullet(text: string, at: number): boolean {
  return /^[^\S\n]*[-•*–]\s/.test(text.slice(text.lastIndexOf("\n", at - 1) + 1));
}

// "A liquid-cooled rack holds up to 128 MI355X GPUs": an unnamed system described by what it holds.
const SYSTEM_HOLDS =
  /\b(racks?|servers?|nodes?|boards?|trays?|chassis|cabinets?|pods?|supernodes?|blades?|kits?)\s+(?:(?:can\s+|[a-z]+ly\s+)?(?:holds?|takes?|fits?|houses?|carry|carries|accommodates?|hosts?|packs?|contains?)\s+(?:up to\s+|as many as\s+)?|of\s+)$/i;

// "Helios, a rack with 72 GPUs", "Tianlong, a supernode of 8,192 chips": a name and the kind of system it is.
// ("Clearwater Forest, a server processor on 18A with up to 288 cores": a short phrase may stand before "with".)
const APPOSITIVE_SYSTEM =
  /,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:racks?|systems?|supernodes?|servers?|clusters?|pods?|chips?|accelerators?|processors?|gpus?|cpus?|npus?|socs?|boards?|cards?|modules?|machines?|supercomputers?)\s+(?:(?:on|built on|made on|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:with|of|that (?:has|holds|packs|links)|featuring|packing|holding|linking|containing)\s+(?:up to\s+|as many as\s+|more than\s+|about\s+)?$/i;

/** The name an appositive describes as a system holding the figure ("Helios, a rack with 72 GPUs"). */
function appositiveSystem(clause: Clause): Mention | null {
  const { text, sentence, quantity, mentions } = clause;
  const before = text.slice(sentence.start, quantity.start);
  const appositive = APPOSITIVE_SYSTEM.exec(before);
  if (!appositive) return null;
  const commaAt = sentence.start + appositive.index;
  return mentions.find((m) => m.end <= commaAt && /^\s*$/.test(text.slice(m.end, commaAt))) ?? null;
}

/**
 * The system a count of chips describes: the product named with it ("an NVL144 rack holds 72
 * packages" → NVL144), else the system of the chips it holds ("a rack holds 128 MI355X GPUs" →
 * "MI355X rack").
 */
function systemHolding(clause: Clause): Mention | null {
  const { text, quantity, mentions } = clause;
  const before = text.slice(clause.start, quantity.start);
  const holds = SYSTEM_HOLDS.exec(before);
  if (!holds) return null;
  const nounAt = clause.start + holds.index;
  const named = mentions.find((m) => PRODUCTS.includes(m.kind) && m.end <= nounAt && /^\s*$/.test(text.slice(m.end, nounAt)));
  if (named) return named;
  const held = mentions.find(
    (m) => PRODUCTS.includes(m.kind) && m.start >= quantity.end && /^\s*(?:of\s+(?:the|its|their)\s+(?:[a-z]+\s+)?)?$/.test(text.slice(quantity.end, m.start)),
  );
  if (!held) return null;
  const system = holds[1]!.toLowerCase().replace(/(?<!chassi)s$/, "");
  return { name: `${held.name} ${system}`, kind: "system", start: held.start, end: held.end, known: false };
}

/** "Both pack 185 billion transistors", "Both chips draw 700 W": a clause opening with "both" and naming no product is about the last two. */
function bothProducts(text: string, clauseStart: number, quantity: Quantity, mentions: Mention[], products: Mention[]): [Mention, Mention] | null {
  if (products.length < 2) return null;
  const opening = text.slice(clauseStart, quantity.start);
  if (!/^[^\S\n]*(?:[-•*–]\s*)?[Bb]oth\b(?!\s+(?:of\s+)?(?:the\s+)?[A-Z])/.test(opening)) return null;
  if (mentions.some((m) => m.start >= clauseStart && m.end <= quantity.start && PRODUCTS.includes(m.kind))) return null;
  return [products[0]!, products[1]!];
}

/**
 * The other subjects a figure is said of: "Nvidia and AMD shares fell 4%" (one partner), "Samsung,
 * SK Group and Hyundai Motor Group will each deploy up to 50,000 GPUs" (a list ending in "and").
 */
function coordinated(subject: Mention, mentions: Mention[], quantity: Quantity, text: string): Mention[] {
  const group = (m: Mention) => (PRODUCTS.includes(m.kind) ? "product" : "party");
  // "Oracle and Abu Dhabi's MGX will each put in $7 billion": a place's possessive may stand before a partner.
  const link = /^\s*(,|,?\s*(?:and|&))\s+(?:the\s+)?(?:[A-Z][\w]*(?:\s+[A-Z][\w]*)?[’']s\s+)?$/;
  const partners: Mention[] = [];
  let last = subject;
  let closed = false;
  for (const m of mentions) {
    if (m.start <= last.end || m.end > quantity.start) continue;
    const joined = link.exec(text.slice(last.end, m.start));
    if (!joined) break;
    if (group(m) !== group(subject) || m.name === subject.name || partners.some((p) => p.name === m.name)) return [];
    partners.push(m);
    last = m;
    if (joined[1] !== ",") {
      closed = true;
      break;
    }
  }
  // A list is closed by "and": "Samsung, SK Group" alone is an apposition or a run of clauses.
  if (!partners.length || !closed) return [];
  if (/\brespectively\b/i.test(text.slice(quantity.end, quantity.end + 120).split(/[.;]/)[0]!)) return [];
  // "ByteDance, Alibaba and Tencent had ordered at least $16 billion": a sum of money or of goods is
  // their joint total unless the text gives it to each ("each ordered 2,000 servers", "both paid").
  const total = isMoneyUnit(quantity.unit) || quantity.unit === "units" || quantity.unit === "count";
  if (total && !/\b(?:each|both|apiece)\b/i.test(text.slice(last.end, quantity.end + 40))) return [];
  // The list must be the clause's subject: no verb between it and the number's clause start.
  return /^[^,;]*$/.test(text.slice(last.end, quantity.start)) ? partners : [];
}

/**
 * "Samsung and SK Hynix rose 1.1% and 2% respectively": a list of names and a list of figures of
 * the same length pair off in order, the first figure to the first name.
 */
function respectivePairs(quantities: Quantity[], mentions: Mention[], sentence: Sentence, text: string): Map<Quantity, Mention> {
  const pairs = new Map<Quantity, Mention>();
  const word = /\brespectively\b/i.exec(sentence.text);
  if (!word) return pairs;
  const at = sentence.start + word.index;
  const figures = quantities.filter((q) => q.period === null && q.end <= at);
  if (figures.length < 2) return pairs;
  // The last run of names joined by ", " or "and" that ends before the first figure.
  const before = mentions.filter((m) => m.end <= figures[0]!.start);
  let run: Mention[] = [];
  for (const mention of before) {
    const previous = run.at(-1);
    if (previous && /^\s*(?:,|,?\s*and|&)\s*(?:the\s+)?$/i.test(text.slice(previous.end, mention.start))) run.push(mention);
    else run = [mention];
  }
  const last = figures.slice(-run.length);
  if (run.length < 2 || run.length !== figures.length) return pairs;
  last.forEach((figure, i) => pairs.set(figure, run[i]!));
  return pairs;
}

/** The items of a list sorted by start that lie inside a span (binary search: articles are long). */
function within<T extends { start: number; end: number }>(sorted: T[], span: { start: number; end: number }): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start < span.start) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.start < span.end; i++) if (sorted[i]!.end <= span.end) found.push(sorted[i]!);
  return found;
}

function round(value: number) {
  return Number(value.toPrecision(12));
}

/**
 * One fact per quantity: a figure the headline (or a title-like line) repeats from the body, or the
 * body states twice about the same subject and metric, becomes one proposal that keeps the other
 * places as extra quotes. The body's wording is kept as the main quote: it carries the context.
 */
function mergeRepeats(facts: ExtractedFact[], text: string, baselines: Set<ExtractedFact>): ExtractedFact[] {
  const kept: ExtractedFact[] = [];
  const sameFigure = (a: ExtractedFact, b: ExtractedFact) => a.value === b.value && a.valueMax === b.valueMax && a.unit === b.unit;
  const ordered = [...facts].sort((a, b) => Number(isTitleLine(text, a.start)) - Number(isTitleLine(text, b.start)) || a.start - b.start);
  for (const fact of ordered) {
    const title = isTitleLine(text, fact.start);
    // A headline may count what the body counts without naming it: "a million GPUs" over "plans to reach 1 million".
    const headlineCount = (other: ExtractedFact) => title && other.value === fact.value && other.valueMax === fact.valueMax && sameDimension(other.unit, fact.unit);
    // One number said of two subjects ("the H100 and H200 are both …") shares a quote: never a repeat.
    const twin = kept.find(
      (other) =>
        (sameFigure(other, fact) || headlineCount(other) || (other.unit === fact.unit && (title || fact.approx) && !baselines.has(fact) && roundedRestatement(fact, other))) &&
        (other.start !== fact.start || !sameFigure(other, fact)) &&
        (title || (other.metric === fact.metric && other.subject === fact.subject)),
    );
    if (twin) twin.alsoQuoted.push({ quote: fact.quote, start: fact.start, end: fact.end });
    else kept.push(fact);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function sameDimension(a: string, b: string): boolean {
  return a === b || (unitInfo(a)?.dimension ?? a) === (unitInfo(b)?.dimension ?? b);
}

// "up from about $23 billion", "to $41.1 billion from $26.3 billion": the level a figure changed from.
// "the value of the contracts", "the size of the deal": a figure of the deal the passage is about.
const VALUE_OF_DEAL = /\b(?:value|size|worth)\s+of\s+(?:the|its|their|these|those|both)\s+(?:agreements?|contracts?|orders?|deals?)\b/i;
// A sentence opening with a part of a whole: "The biggest share, about 104,000 GPUs, …", "A further
// 12,600 GPUs …", "The remaining 52,000 …".
const PART_OF_WHOLE =
  /^(?:(?:The|A|An)\s+(?:biggest|largest|bigger|larger|smaller|smallest|first|second|third|final|last|remaining)\s+(?:share|part|portion|batch|tranche|phase|chunk|slice|lot)\s*,?\s*|A\s+further\s+|Another\s+|An\s+additional\s+|The\s+remaining\s+|The\s+rest\s+of\s+the\s+)(?:(?:about|around|roughly|some|nearly|almost|more than|up to)\s+)?$/;
const CHANGED_FROM = /\b(?:up|down)?\s*from\s+(?:(?:more than|less than|about|around|roughly|nearly|almost|over|some|just)\s+)*(?:US\$|HK\$|NT\$|S\$|\$|€|£|¥|₩)?\s*$/i;

/** "down from more than $40 billion", "against about 400,000": a figure compared with, never a restatement. */
function isBaseline(text: string, start: number): boolean {
  return /\b(?:from|than|against|compared (?:with|to)|versus|vs\.?)\s+(?:(?:more than|less than|about|around|roughly|nearly|almost|over|at least|some|just|the)\s+)*(?:US\$|HK\$|NT\$|\$|€|£|¥)?\s*$/i.test(
    text.slice(Math.max(0, start - 40), start),
  );
}

/**
 * "60 billion yuan" in the headline for "60.06 billion yuan" in the body, "about $42 million" after
 * "$41.7 million": the precise figure rounded to the other's significant digits gives the other.
 */
function roundedRestatement(rounded: ExtractedFact, precise: ExtractedFact): boolean {
  if (rounded.valueMax !== null || precise.valueMax !== null || rounded.value === precise.value || rounded.value === 0) return false;
  const digits = (value: number) =>
    String(Math.abs(value))
      .replace(/\.|e.*$/g, "")
      .replace(/^0+|0+$/g, "").length;
  const kept = digits(rounded.value);
  if (kept >= digits(precise.value)) return false;
  // Rounded ("$42 million" for $41.7 million) or cut ("$7.86 billion" for $7.865 billion).
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(precise.value))) - kept + 1);
  // A cut needs three digits kept: "about 80 billion" is not "85 billion" cut short; a percentage may
  // lose only its decimals ("jumps 65%" over "65.56 percent").
  const decimalsCut = (precise.unit === "percent" || precise.unit === "ratio") && Number.isInteger(rounded.value) && Math.trunc(precise.value) === rounded.value;
  return Number(precise.value.toPrecision(kept)) === rounded.value || decimalsCut || (kept >= 3 && Math.abs(Math.trunc(precise.value / unit) * unit - rounded.value) < unit / 1e6);
}

/**
 * The article's first line, or a short line that is not a sentence: a title written in capitals, a
 * section heading ("1) Entity List: 32 more names"). Bullets are not titles (spec sheets list
 * equal values for different products).
 */
function isTitleLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at);
  const line = text.slice(lineStart, lineEnd).trim();
  if (text.slice(lineEnd).trim() === "") return false; // a title has a body after it
  if (text.slice(0, lineStart).trim() === "") return true;
  if (line.length > 160 || /[.!?"”]$/.test(line) || /^[-•*–]\s/.test(line)) return false;
  if (line.length <= 100 && !/[.;]\s/.test(line)) return true;
  const words = line.split(/\s+/).filter((word) => /^[A-Za-z]/.test(word) && word.length > 3);
  return words.length >= 3 && words.filter((word) => /^[A-Z]/.test(word)).length / words.length >= 0.6;
}

/**
 * A name inside an aside that closes before the point of interest: "Horizon, whose backers include
 * Volkswagen and SAIC Motor, reported …", "Rapidus, founded by eight companies including Sony,
 * estimates …". The aside describes the subject; its names are not the clause's subject.
 */
function inAside(text: string, sentenceStart: number, mention: Mention, until: number): boolean {
  const opened = /,\s+(?:whose|which|who|founded|owned|backed|led|including|based|a|an)\b[^,;()]*$/i.test(text.slice(sentenceStart, mention.start));
  return opened && /^[^;]*?,/.test(text.slice(mention.end, until));
}

/** "with TSMC", "against a GB300 NVL72": the words just before a name make it an object. */
function governedByPreposition(text: string, from: number, mention: Mention): boolean {
  // "For the SMIC entries, items … need a licence": a name qualifying the listed parties is theirs.
  if (/^(?:[’']s)?\s+(?:entries|entry|listings?|affiliates|subsidiaries)\b/.test(text.slice(mention.end, mention.end + 20))) return citedAsSource(text, mention);
  // "sold all of its shares in Nvidia", "its stake in T-Mobile US": the company held is an object.
  if (
    /\b(?:its|their|his|her|our)\s+(?:[a-z]+\s+){0,2}(?:shares|stake|stakes|holding|holdings|stock|interest)\s+(?:in|of)\s+(?:the\s+)?$/i.test(
      text.slice(Math.max(from, mention.start - 60), mention.start),
    )
  )
    return true;
  return OBJECT_PREPOSITION.test(text.slice(Math.max(from, mention.start - 60), mention.start)) || citedAsSource(text, mention);
}

/**
 * The country opening the text between `from` and `until` as its subject, with where it stands; not
 * one naming whose the noun after it is ("Singapore prosecutors charged …").
 */
function countryOpening(text: string, from: number, until: number, tokens: Token[]): { name: string; start: number; end: number } | null {
  const opening = COUNTRY_OPENING.exec(text.slice(from, until));
  if (!opening) return null;
  const name = opening[2]!;
  const start = from + opening.index + opening[0].lastIndexOf(name);
  const next = tokens.find((t) => t.start >= start + name.length);
  if (next && !/^[’']s$/.test(next.text) && (next.pos === "NOUN" || next.pos === "PROPN")) return null;
  return { name, start, end: start + name.length };
}

/** "chips from Cambricon and Huawei", "talks with TSMC, Samsung or Intel": each name of a list after a preposition is an object too. */
function listedAfterObject(text: string, from: number, mention: Mention, mentions: Mention[]): boolean {
  let current = mention;
  for (;;) {
    const previous = mentions.findLast((m) => m.end <= current.start && current.start - m.end <= 6);
    if (!previous || previous.start < from || !/^(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)$/.test(text.slice(previous.end, current.start))) return false;
    // Not a list of examples ("Chinese companies including ByteDance, Alibaba and Tencent had ordered …").
    if (governedByPreposition(text, from, previous))
      return !/\b(?:including|such as|like|among them)\s+(?:the\s+)?$/i.test(text.slice(Math.max(from, previous.start - 20), previous.start));
    current = previous;
  }
}

/** "…, according to the U.S. Geological Survey", "according to research firm TrendForce": a source, never a party. */
function citedAsSource(text: string, mention: Mention): boolean {
  // (Within the sentence: "… according to research firm TrendForce. Samsung Electronics' share rose" is not a citation of Samsung.)
  return (
    /\baccording to\s+(?:[\w’'-]+(?:\.[\w’'-]+)*\.?\s+){0,4}$/i.test(text.slice(Math.max(0, mention.start - 60), mention.start)) &&
    !/\.\s+$/.test(text.slice(Math.max(0, mention.start - 3), mention.start))
  );
}

/** Everything the attribution rules know about one quantity: its sentence, clause and neighbours. */
type Clause = {
  text: string;
  sentence: Sentence;
  quantity: Quantity;
  /** Where the quantity's clause starts (after ";", ", while …", "said that"). */
  start: number;
  mentions: Mention[];
  people: Person[];
  tokens: Token[];
  recent: Recent;
  rules: RuleSwitches | undefined;
  /** Each known entity's country, and each country's government (gazetteer). */
  countryOf: ReadonlyMap<string, string>;
  governmentOf: ReadonlyMap<string, Mention>;
};

type Recent = {
  organisation: Mention | null;
  company: Mention | null;
  product: Mention | null;
  person: Mention | null;
  /** The story's fund, the first one it names as a subject: what "the fund" refers to. */
  fund: Mention | null;
  /** The last rule named ("the AI diffusion rule", "the affiliates rule"): what "the rule" refers to. */
  rule: Mention | null;
  /** The goods the last threshold of a rule covered ("logic chips at 16 nanometres or below"): what "such a chip" or "the threshold" is about. */
  goods: Mention | null;
  /** The last two products sentences or bullets described, for "Both …". */
  products: Mention[];
  /** The article's most-named company. */
  topic: Mention | null;
  /** The first company the current paragraph names as a subject (an item of a digest, a section). */
  paragraph: Mention | null;
  /** The product a bulleted list describes: its heading's, or the one named just before the list. */
  list: Mention | null;
  /** The buyer and supplier of the last order stated, for "the buyer" and "the supplier". */
  buyer: Mention | null;
  supplier: Mention | null;
  /** The product a bullet line opens with ("- Tianchi 256 links 256 P800 chips …"): its figures' subject. */
  bullet: Mention | null;
  /** The article reports a criminal case: unattributed figures belong to its lead defendant. */
  caseDefendant: Mention | null;
  /** The last agency or government named, in any role: what "the department", "the ministry" refers to. */
  authority: Mention | null;
  /** The last country a figure was said of: what "the country" refers to. */
  country: string | null;
  /** The last company named from each country (gazetteer code): what "the Dutch company" refers to. */
  byCountry: Map<string, Mention>;
};

// Analysts and research houses publish estimates about others: the source of a figure, not its
// subject, even when the note names them most ("Harbor Ridge Research | China AI Infrastructure").
const RESEARCH_FIRM =
  /\b(?:Research|Securities|Analytics|Consulting|Advisors|Insights)$|^(?:TechInsights|SemiAnalysis|Omdia|TrendForce|Counterpoint|IDC|Gartner|Bernstein|Jefferies|Morgan Stanley|Goldman Sachs|Citi|UBS|Mizuho|Canalys|Yole|Fastmarkets)$/;

function isResearchFirm(mention: Mention): boolean {
  return RESEARCH_FIRM.test(mention.name);
}

function topicOf(mentions: Mention[]): Mention | null {
  const counts = new Map<string, { mention: Mention; count: number }>();
  for (const mention of mentions) {
    if (mention.kind !== "company" || isResearchFirm(mention)) continue;
    const entry = counts.get(mention.name) ?? { mention, count: 0 };
    entry.count += mention.known ? 1.5 : 1;
    counts.set(mention.name, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  return ranked[0] && ranked[0].count >= 2 ? ranked[0].mention : null;
}

// A deal's equity terms (a stake, shares, an offering) stay investments even in a case story.
const EQUITY_TERMS = /\bstake\b|\bshares\b|offering|\bIPO\b|warrant/i;

function caseFigure(metric: MetricKey, classified: ReturnType<typeof classify>): ReturnType<typeof classify> {
  return { ...classified, kind: CONCEPTS[metric].kind, metric, qualifiers: {}, cued: true };
}

const AUTHORITIES: EntityKind[] = ["agency"];
// Roles only a company or a person plays in a fact: a government or agency named in the clause is
// the other side (it imposes the levy, grants the licence), not the subject.
const PRIVATE_ROLES = new Set(["payer", "buyer", "holder", "licensee", "vendor", "seller", "supplier", "shipper", "producer", "chip vendor", "defendant", "violator"]);
// Nouns for parties an export rule lists or covers without naming them.
const PARTY_NOUN =
  /^(?:entities|entity|parties|entries|companies|firms|organi[sz]ations|individuals|persons|addresses|institutes|universities|fabs|foundries|suppliers|buyers|customers|centres|centers|laboratories|labs|academies|makers|manufacturers|designers|developers)$/i;
// Plural nouns for agents, which can be a clause's unnamed subject ("foundries get 120 days").
const AGENT_NOUN =
  /^(?:[a-z-]+(?:ers|ors)|entities|parties|companies|firms|fabs|foundries|governments|hyperscalers|labs|start-?ups|universities|institutes|banks|funds|operators|defendants|agencies|authorities|countries|nations|projects|plants|facilities)$/;

/** "32 entities", "28 Chinese parties": the counted noun with its modifiers, as an unnamed subject. */
function countedPhrase(quantity: Quantity, tokens: Token[], text: string): Mention | null {
  const after = tokens.filter((t) => t.start >= quantity.end);
  const headIndex = after.findIndex((t) => t.text.toLowerCase() === quantity.noun!.toLowerCase());
  if (headIndex < 0 || headIndex > 5) return null;
  let first = headIndex;
  while (first > 0 && ["ADJ", "NOUN", "PROPN"].includes(after[first - 1]!.pos)) first--;
  const start = after[first]!.start;
  const end = after[headIndex]!.end;
  return { name: text.slice(start, end), kind: "company", start, end, known: false };
}

/** The plural noun phrase opening a clause before its verb: "foundries", "large cloud operators". */
function pluralSubject(clauseStart: number, before: number, tokens: Token[], text: string): Mention | null {
  const clause = tokens.filter((t) => t.start >= clauseStart && t.end <= before);
  // Skip determiners, possessives ("the", "China's") and size words ("large").
  let i = 0;
  while (
    i < clause.length &&
    (["DET", "PUNCT"].includes(clause[i]!.pos) ||
      (clause[i]!.pos === "ADJ" && /^[a-z]/.test(clause[i]!.text)) ||
      // Quantifiers opening the clause, which the tagger may read as names ("Several large …").
      (i === 0 && /^(?:Several|Many|Most|Some|Few|All|Other|Large|Major|Leading)$/.test(clause[i]!.text)) ||
      /^(?:[A-Z][a-z]+[’']s|[’']s)$/.test(clause[i]!.text) ||
      /^[’']s$/.test(clause[i + 1]?.text ?? ""))
  )
    i++;
  const nouns: Token[] = [];
  // Keep what says whose they are ("Chinese", "Japanese"), not how big ("large", "new").
  // A plural opening the sentence is often tagged as a name ("Projects that are …"): it counts as a noun.
  const isNoun = (t: Token | undefined) => t !== undefined && (t.pos === "NOUN" || (t.pos === "PROPN" && t.start === clause[0]!.start && AGENT_NOUN.test(t.text.toLowerCase())));
  while (i < clause.length && (isNoun(clause[i]) || (/^[A-Z][a-z]+$/.test(clause[i]!.text) && clause[i + 1]?.pos === "NOUN"))) nouns.push(clause[i++]!);
  while (nouns.length && !isNoun(nouns.at(-1))) nouns.pop();
  const head = nouns.at(-1);
  // Those who report or pursue a fact are not its parties: "Investigators found 40 servers".
  if (!head || !AGENT_NOUN.test(head.text.toLowerCase()) || /^(?:investigators|prosecutors|officials|regulators|analysts|observers|reporters)$/i.test(head.text)) return null;
  // "Cornerstone investors, including Baidu and a fund backed by Alibaba, bought …": past the aside.
  if (clause[i]?.text === ",") {
    const close = clause.findIndex((t, j) => j > i && t.text === ",");
    if (close > 0 && /^,\s+(?:including|led by|such as|among them|whose|which|who)\b/i.test(text.slice(clause[i]!.start, clause[i]!.start + 20))) i = close + 1;
  }
  while (clause[i]?.pos === "ADV") i++; // "The same operators also hold …"
  // "Projects that are less than 30% complete": a relative clause says which of them (and opens a
  // clause by itself, whatever the tagger makes of its verb: "Exporters who breach the rule face …").
  const relative = /^(?:that|which|who)$/i.test(clause[i]?.text ?? "");
  if (relative) i++;
  // "We expect Chinese vendors to supply about 40%": the infinitive after a reporting verb.
  if (clause[i]?.text.toLowerCase() === "to" && clause[i + 1]?.pos === "VERB") i++;
  if (!relative && !["VERB", "AUX"].includes(clause[i]?.pos ?? "")) return null;
  const start = nouns[0]!.start;
  return { name: text.slice(start, head.end), kind: "company", start, end: head.end, known: false };
}
// What links goods to the measure a rule sets for them: "chips with …", "DRAM at a half-pitch of …".
const GOODS_LINK =
  /\b(?:with|at|having|featuring|whose|(?:that|which)\s+(?:have|has|reach(?:es)?|exceed(?:s)?|meet(?:s)?|contain(?:s)?|incorporate(?:s)?)|(?:made|built|manufactured|produced|fabricated)\s+(?:on|at|with|using))\b/gi;
// Words the tagger may read as nouns that end the goods' phrase ("the fab makes DRAM").
const NOT_GOODS = /^(?:makes?|produces?|builds?|uses?|ships?|sells?|exports?|imports?|needs?|requires?|covers?|controls?|rules?|licen[cs]es?)$/i;
// The measure itself, which is not the goods ("a bandwidth density above …").
const MEASURE_NOUN = /^(?:density|performance|score|bandwidth|rate|speed|pitch|node|capacity|power|layers?|threshold|level|size)$/i;

/** The goods a threshold is set for: the noun phrase right before "with", "at", "that have" … and the figure. */
function coveredGoods(clauseStart: number, quantity: Quantity, tokens: Token[], text: string): Mention | null {
  // The nearest link first; "chips with a TPP of at least 1,600 whose performance density …" reaches back to "chips with".
  for (const link of [...text.slice(clauseStart, quantity.start).matchAll(GOODS_LINK)].reverse()) {
    const goods = goodsBefore(clauseStart + link.index, clauseStart, quantity, tokens, text);
    if (goods) return goods;
  }
  return null;
}

function goodsBefore(linkAt: number, clauseStart: number, quantity: Quantity, tokens: Token[], text: string): Mention | null {
  // The figure must belong to the link's phrase, not to a later clause ("chips with HBM, and 40% of …").
  if (quantity.start - linkAt > 90 || /[;,:]/.test(text.slice(linkAt, quantity.start).replace(/\d,\d/g, ""))) return null;
  const before = tokens.filter((t) => t.start >= clauseStart && t.end <= linkAt);
  const words: Token[] = [];
  for (let i = before.length - 1; i >= 0 && words.length < 6; i--) {
    const token = before[i]!;
    const joined = token.text === "-" && before[i + 1]?.start === token.end && before[i - 1]?.end === token.start;
    if (!joined && (!["NOUN", "PROPN", "ADJ"].includes(token.pos) || NOT_GOODS.test(token.text))) break;
    words.unshift(token);
  }
  while (words.length && words[0]!.pos === "ADJ" && /^(?:new|such|certain|other|most|more|some|all|any)$/i.test(words[0]!.text)) words.shift();
  const head = words.at(-1);
  if (!head || !["NOUN", "PROPN"].includes(head.pos) || MEASURE_NOUN.test(head.text) || !/^[a-z]/i.test(words[0]!.text)) return null;
  const start = words[0]!.start;
  return { name: text.slice(start, head.end), kind: "company", start, end: head.end, known: false };
}
// Words of an export rule: a node named in one is its threshold ("items required for 10-nanometre production face a presumption of denial").
const RULE_WORDS = /presumption of denial|licen[cs]|\bcontrols?\b|restrict|\brules?\b|\bban(?:s|ned)?\b|\bexport|threshold|Entity List/i;
// The verb of buying a company, with an epithet between it and the name ("acquire server maker ZT Systems").
const BOUGHT_BEFORE = /\b(?:acquir(?:e|ed|es|ing)|buy(?:s|ing)?|bought|purchas(?:e|ed|es|ing)|take over|took over|takes over)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?$/i;
// Public money given to a company, and the verbs of receiving it.
const GRANT = /\b(?:grants?|subsid(?:y|ies|ised|ized)|incentives?|direct funding|award(?:ed)?)\b/i;
const RECEIVES = /\b(?:receive[sd]?|receiving|get|gets|got|won|wins?|secured?|(?:was|were|has been|have been|will be|is|are) (?:awarded|granted|given))\b/i;
// Words of a criminal case: its counts, prison terms and fines belong to the defendant's case.
const CASE_WORDS = /prison|charged|accused|charges|\bcounts?\b|indict|plead|pleaded|sentenc|smuggl|arrest|defendant|convict|faces up to|statutory maximum|complaint/i;

/**
 * Who a fact is about, by what kind of fact it is (the labelling's roles): a penalty's payer (not
 * the authority that imposes it), an order's buyer ("supply 18,000 chips to Humain"), a
 * defendant for the counts and terms of a criminal case, the company whose figure it is ("34% of
 * Lam Research's revenue"); agencies are never the subject when the clause names another party.
 */
function applyFrame(kind: ExtractionKind, clause: Clause, clauseSubject: Mention | null, metric: MetricKey): Mention | null {
  const { text, sentence, quantity, mentions, people, tokens, recent } = clause;
  const on = (family: RuleFamily) => ruleOn(clause.rules, family);
  const organisations = mentions.filter((m) => ORGANISATIONS.includes(m.kind));
  const parties = organisations.filter((m) => !AUTHORITIES.includes(m.kind));
  const after = (m: Mention, pattern: RegExp) => pattern.test(text.slice(sentence.start, m.start));
  const sentenceText = sentence.text;
  const personAsSubject = (person: Person | undefined) =>
    person ? ({ name: person.surname, kind: "company", start: person.start, end: person.end, known: false } satisfies Mention) : null;

  // "Humain will deploy 200 megawatts of Qualcomm's racks", "OpenAI plans to use 6 gigawatts of AMD's
  // chips": power in megawatts is a site's or a deal's, so the party deploying it owns the figure, not a
  // product named after it (a chip draws watts, a rack kilowatts).
  if (on("subjectFitsKind") && kind === "spec" && quantity.unit === "MW") {
    const deployer = parties.find((m) => m.start >= clause.start && m.end <= quantity.start && !governedByPreposition(text, sentence.start, m));
    if (deployer) return deployer;
  }
  // "AMD said it would acquire server maker ZT Systems for $4.9 billion": the company bought is not the buyer.
  if ((kind === "financial" || kind === "investment") && clauseSubject && on("subjectFitsKind")) {
    if (BOUGHT_BEFORE.test(text.slice(sentence.start, clauseSubject.start))) {
      const buyer = parties.filter((m) => m.end <= clauseSubject.start && m.name !== clauseSubject.name).at(-1);
      if (buyer) return buyer;
    }
  }
  if (CONCEPTS[metric].actor === "licensee") {
    // "licences cover up to 18,000 GB300 chips for Saudi Arabia's Humain", "approval to send Humain
    // about 17,000 accelerators": the licence is the recipient's, not the exporter's.
    const recipient =
      parties.find(
        (m) => m.start >= quantity.end && m.start - quantity.end <= 70 && /^[^.;,]*?\b(?:for|to)\s+(?:(?:the\s+)?[A-Z][\w ]*[’']s\s+)?$/.test(text.slice(quantity.end, m.start)),
      ) ??
      parties.find(
        (m) =>
          m.end <= quantity.start &&
          /^\s+(?:about|around|roughly|nearly|up to|some|as many as)?\s*$/.test(text.slice(m.end, quantity.start)) &&
          /\b(?:send|ship|sell|supply|export)\s+$/i.test(text.slice(Math.max(sentence.start, m.start - 10), m.start)),
      );
    if (recipient) return recipient;
  }
  // "The value of the agreement could rise to $19.4 billion": a deal's figures are its buyer's.
  // (Also "Nscale did not disclose the value of the contracts, which people … put at $24 billion", when
  // no party is named between the deal and its figure.)
  const deal =
    /^\s*(?:The|This|That)\s+(?:(?:value|size|cost|price)\s+of\s+the\s+)?(?:agreement|deal|contract|order)\b/.exec(sentenceText) ??
    VALUE_OF_DEAL.exec(text.slice(sentence.start, quantity.start));
  const dealAt = deal ? sentence.start + deal.index : -1;
  if (kind === "chip_order" && recent.buyer && on("roleAnaphora") && deal && !parties.some((m) => m.start >= Math.max(dealAt, clause.start) && m.end <= quantity.start))
    return recent.buyer;
  // "Nebius said it would supply Microsoft …, sending its shares up 47%": the participle's "its" is the sentence's subject.
  if (kind === "financial" && /\b(?:sending|pushing|lifting|driving|knocking|dragging|taking)\s+its\s+(?:shares|stock)\b/i.test(text.slice(clause.start, quantity.start))) {
    const opener = organisations.find((m) => m.start >= sentence.start && !/\S/.test(text.slice(sentence.start, m.start).replace(DATELINE, "")));
    if (opener) return opener;
  }
  // "0.5525 Hygon shares for each Sugon share": the company whose shares are issued.
  if (on("subjectFitsKind") && CONCEPTS[metric].actor === "issuer") {
    const issuer = organisations.find((m) => m.start >= quantity.end && /^\s+(?:new\s+)?$/.test(text.slice(quantity.end, m.start)));
    if (issuer) return issuer;
  }
  // "a kit of eight Gaudi 3 accelerators will sell for $125,000": the product the clause prices.
  // (What it cost to make, "cost about $6 million to train", is its maker's spending.)
  if (on("subjectFitsKind") && isMoneyUnit(quantity.unit) && !/^\s+to\s+(?:train|build|develop|make|design|produce)\b/i.test(text.slice(quantity.end, quantity.end + 20))) {
    const priced = mentions.findLast(
      (m) =>
        PRODUCTS.includes(m.kind) &&
        m.start >= clause.start &&
        m.end <= quantity.start &&
        /^[^,;’']{0,60}?\b(?:(?:will|would|to)\s+)?(?:sells?|sold|retails?|retailed|costs?|priced|goes|went)\s+(?:for|at)?\s*(?:about|around|roughly|some)?\s*(?:US\$|\$|¥|€|£)?\s*$/i.test(
          text.slice(m.end, quantity.start),
        ) &&
        !/^\s+models?\b/i.test(text.slice(m.end, m.end + 8)),
    );
    if (priced) return priced;
  }

  // A specification belongs to a product (the labelling's spec subject): the list's product in a
  // bulleted spec sheet, the product a company's name introduces ("Nvidia's A100 holds …"), else
  // the product the passage is about.
  const holder = kind === "spec" && on("subjectFitsKind") ? (systemHolding(clause) ?? appositiveSystem(clause)) : null;
  if (holder) return holder;
  if (kind === "spec" && (!clauseSubject || !PRODUCTS.includes(clauseSubject.kind)) && on("subjectFitsKind")) {
    if (recent.bullet ?? recent.list) return recent.bullet ?? recent.list;
    const introduced = clauseSubject
      ? mentions.find(
          (m) =>
            PRODUCTS.includes(m.kind) &&
            m.start >= clauseSubject.end &&
            m.end <= quantity.start &&
            /^(?:[’']s)?\s*(?:new\s+|latest\s+)?$/.test(text.slice(clauseSubject.end, m.start)),
        )
      : undefined;
    return introduced ?? recent.product ?? clauseSubject;
  }

  // "about 20% of the annual volume, or roughly 100,000 chips, would go to G42": an allocation
  // belongs to whoever it goes to.
  if (kind === "export_control" || kind === "count") {
    const recipient = parties.find(
      (m) =>
        m.start >= quantity.end &&
        /\b(?:go|goes|went|going|allocated|reserved|earmarked|set aside)\s+(?:to|for)\s+(?:the\s+)?$/i.test(text.slice(quantity.end, m.start)) &&
        !/[;.]/.test(text.slice(quantity.end, m.start)),
    );
    if (recipient) return recipient;
  }
  // "a $2 billion investment by SoftBank Group", "an order for 5,000 servers placed by ByteDance", "a
  // $335 million investment from G42": the agent after "by" (or an investment's "from") made the deal.
  if (kind === "investment" || kind === "chip_order") {
    const agent = organisations.find(
      (m) =>
        m.start >= quantity.end &&
        /^\s*(?:[\w’'-]+\s+){0,6}?(?:(?:investments?|orders?|purchases?|stakes?|bids?|offers?|injections?|commitments?|pledges?|acquisitions?|takeovers?)\s+(?:(?:made|placed|held|announced|led)\s+)?by|(?:investments?|injections?|commitments?|pledges?)\s+from|(?:(?:was|were|had been|have been|has been)\s+)?(?:placed|ordered|bought|purchased)\s+by)\s+(?:the\s+)?$/i.test(
          text.slice(quantity.end, m.start),
        ),
    );
    if (agent) return agent;
  }
  // "Samsung will receive up to $4.745 billion in grants from the U.S. Commerce Department", "Intel was
  // awarded up to $3 billion": a grant belongs to its funder (the labelling's subject), named after
  // "from" or "by", else the recipient's own government.
  if (
    kind === "investment" &&
    on("subjectFitsKind") &&
    GRANT.test(sentenceText) &&
    clauseSubject &&
    !AUTHORITIES.includes(clauseSubject.kind) &&
    clauseSubject.kind !== "government"
  ) {
    if (RECEIVES.test(text.slice(clauseSubject.end, quantity.start))) {
      const named = organisations.find((m) => (AUTHORITIES.includes(m.kind) || m.kind === "government") && after(m, /\b(?:from|by)\s+(?:the\s+)?$/i));
      const own = clause.governmentOf.get(clause.countryOf.get(clauseSubject.name) ?? "");
      if (named ?? own) return named ?? own!;
    }
  }
  // "AMD granted OpenAI a warrant for up to 160 million shares": who is given equity holds it.
  if (kind === "investment") {
    const grantee = organisations.find(
      (m) =>
        m.end <= quantity.start &&
        after(m, /\b(?:grant(?:ed|s|ing)?|g[ai]ve|gives|giving|issu(?:ed|es|ing)|award(?:ed|s)?)\s+(?:the\s+)?$/i) &&
        /^\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:warrants?|stake|options?|shares|equity)\b/i.test(text.slice(m.end, m.end + 40)),
    );
    if (grantee) return grantee;
  }

  // "… of Lam Research's revenue", "… 33% of KLA's": a figure of the company named right after it.
  const possessive = organisations.find(
    (m) =>
      m.start >= quantity.end &&
      m.start - quantity.end <= 25 &&
      /^\s*(?:of\s+)?(?:the\s+)?$/i.test(text.slice(quantity.end, m.start)) &&
      (/^[’']s\b/.test(text.slice(m.end, m.end + 3)) || (/s$/.test(text.slice(m.start, m.end)) && /^[’'](?!\w)/.test(text.slice(m.end, m.end + 2)))),
  );
  if (possessive && (kind === "financial" || kind === "other")) return possessive;

  // "advanced computing chips with a total processing performance of 4,800 or more", "NAND flash with
  // 128 or more layers": a rule's technical threshold is about the goods it covers, else the chip the
  // sentence measures against it ("the H200 scores below 21,000"); a party the sentence applies the
  // rule to keeps it ("For the SMIC entries, items … at 10 nanometres or below").
  if (on("subjectFitsKind") && CONCEPTS[metric].actor === "covered item") {
    const product = mentions.find((m) => PRODUCTS.includes(m.kind) && m.end <= quantity.start && m.start >= clause.start);
    const partyNamed = parties.some((m) => m.start >= sentence.start && m.end <= quantity.start);
    const goods = partyNamed ? null : coveredGoods(clause.start, quantity, tokens, text);
    if (goods) recent.goods = goods;
    if (product ?? goods) return product ?? goods!;
    // "… must presume that such a chip needs a licence if it carries 30 billion or more transistors":
    // a threshold naming no goods is about the goods the rule's last threshold covered.
    if (!partyNamed && recent.goods) return recent.goods;
  }
  // Parties the text counts without naming them: "BIS added 32 entities", "28 Chinese parties
  // already on the Entity List" — the listed parties are the subject, not the agency.
  if (on("unnamedParties") && kind === "export_control" && quantity.noun && PARTY_NOUN.test(quantity.noun)) {
    const phrase = countedPhrase(quantity, tokens, text);
    if (phrase) return phrase;
  }
  // "licences for 23 types of chipmaking equipment": the kinds of goods a rule covers are its subject.
  if (on("unnamedParties") && kind === "export_control" && quantity.noun && /^(?:types|kinds|categories|classes)$/i.test(quantity.noun)) {
    const lead = /^\s*(?:[\w-]+\s+)?(?:types|kinds|categories|classes)\s+of\s+/.exec(text.slice(quantity.end, quantity.end + 40));
    if (lead) {
      const at = quantity.end + lead[0].length;
      const words = (/^(?:[a-z][\w-]*\s*){1,4}/.exec(text.slice(at, at + 80))?.[0] ?? "").trim().split(/\s+/);
      const stop = words.findIndex((word) => /^(?:used|for|that|which|to|in|from|with|and|or|by|on|at|as)$/.test(word));
      const phrase = (stop < 0 ? words : words.slice(0, stop)).join(" ");
      if (/(?:ment|ware|tools?|items|chips|equipment|machines|materials|technolog(?:y|ies)|products|systems|goods)$/.test(phrase))
        return { name: phrase, kind: "company", start: at, end: at + phrase.length, known: false };
    }
  }
  // "added five rare earth elements to its export control list": the goods counted are the subject.
  if (on("unnamedParties") && kind === "export_control" && quantity.noun && /^(?:elements|earths|minerals|metals|materials|items|technologies)$/i.test(quantity.noun)) {
    const goods = countedPhrase(quantity, tokens, text);
    if (goods) return goods;
  }
  // "SMIC together with ten of its affiliates", "A further 46 affiliates are listed": the figure
  // is about the parent's listing.
  if (on("unnamedParties") && quantity.noun && /^(?:affiliates|subsidiaries|units)$/i.test(quantity.noun) && kind === "export_control") {
    // "six subsidiaries of Inspur Group": the parent named right after the noun comes first.
    const named = parties.find(
      (m) => m.start >= quantity.end && /^\s*(?:[\w-]+\s+){0,2}?(?:affiliates|subsidiaries|units)\s+of\s+(?:the\s+)?$/i.test(text.slice(quantity.end, m.start)),
    );
    const parent = named ?? parties.filter((m) => m.start < quantity.start).at(-1) ?? recent.paragraph ?? recent.company;
    if (parent) return parent;
  }
  // "restrictions to subsidiaries at least 50% owned by listed companies": an ownership threshold is
  // about the parties it brings under the rule.
  if (on("unnamedParties") && CONCEPTS[metric].actor === "covered party") {
    const covered =
      /\b((?:[a-z-]+\s+)?(?:affiliates|subsidiaries|units|entities|compan(?:y|ies)|firms|parties|projects|plants|facilities|fabs|data cent(?:re|er)s))\s+(?:(?:that|which) are\s+)?(?:owned\s+)?(?:at least\s+|more than\s+|less than\s+|under\s+|over\s+)?$/i.exec(
        text.slice(sentence.start, quantity.start),
      );
    // "About 120 countries in the second tier", "Eighteen close allies": the counted countries.
    const countries = /^(?:countries|nations|destinations|jurisdictions|allies)$/i.test(quantity.noun ?? "") ? countedPhrase(quantity, tokens, text) : null;
    if (countries) return countries;
    if (covered) {
      const at = sentence.start + covered.index + covered[0].indexOf(covered[1]!);
      const name = covered[1]!.replace(/^(?:the|its|their|to|of|for|on|any|all)\s+/, "").replace(/\bcompany$/, "companies");
      return { name, kind: "company", start: at, end: at + covered[1]!.length, known: false };
    }
    // "extended the controls to foreign-made products that contain Chinese rare earths worth 0.1% or more": the goods.
    const goods = coveredGoods(clause.start, quantity, tokens, text);
    if (goods) return goods;
  }
  // "BIS added 80 companies, more than 50 of them in China": the part is of the same parties.
  if (on("unnamedParties") && quantity.noun === "of them" && kind === "export_control") {
    const head = tokens.filter((t) => t.end <= quantity.start && /^[a-z]/.test(t.text) && PARTY_NOUN.test(t.text)).at(-1);
    if (head) return { name: head.text, kind: "company", start: head.start, end: head.end, known: false };
  }
  const clauseStart = clause.start;
  const namedInClause = mentions.some(
    (m) => m.start >= clauseStart && m.end <= quantity.start && !AUTHORITIES.includes(m.kind) && !(on("clauseSubjects") && inAside(text, sentence.start, m, quantity.start)),
  );
  // "foundries get 120 days", "China's large cloud operators ended 2025 holding …": an unnamed
  // group of parties is the subject when the clause names no one.
  // Money counts too when the group moved the goods: "Chinese distributors shipped at least $1 billion worth of B200s".
  const tradedGoods = kind === "financial" && /\b(?:shipped|sold|smuggled|exported|imported|bought|supplied|delivered|diverted)\b/i.test(text.slice(clauseStart, quantity.start));
  if (on("unnamedParties") && !namedInClause && (!["spec", "financial", "investment"].includes(kind) || ["supplier", "investor"].includes(CONCEPTS[metric].actor) || tradedGoods)) {
    const group = pluralSubject(clauseStart, quantity.start, tokens, text);
    if (group) return group;
  }
  // "The company shipped 1,150 servers": a corporate defendant the clause refers to keeps its figures
  // (the labelling: a company that may itself pay is the subject), not the person charged with it.
  const companyAnaphor = /\bthe (?:company|firm|group|chipmaker|distributor|reseller|exporter)\b/i.test(text.slice(clause.start, quantity.start));
  if (on("caseDefendants") && companyAnaphor && recent.caseDefendant && recent.company) return recent.company;
  // A criminal case's figures belong to its defendants when the clause names no other party.
  // (Money "to fund the scheme" is a sum of the case, not an investment, unless equity changes hands.)
  const caseKind = ["duration", "count", "penalty", "financial", "chip_order"].includes(kind) || (kind === "investment" && !EQUITY_TERMS.test(sentenceText));
  if (recent.caseDefendant && caseKind && !parties.some((m) => m.start < quantity.start)) {
    return personAsSubject(people.find((p) => p.start < quantity.start)) ?? recent.caseDefendant;
  }
  if ((kind === "duration" || kind === "count" || kind === "penalty" || kind === "financial") && CASE_WORDS.test(sentenceText)) {
    const person = people.find((p) => p.start < quantity.start) ?? people[0];
    if (person) return personAsSubject(person);
    if (!parties.some((m) => m.start < quantity.start) && recent.person && /\b(?:he|she|each|the defendants?)\b/i.test(sentenceText)) return recent.person;
  }
  if (kind === "penalty") {
    const payer =
      parties.find((m) => after(m, /\b(?:on|against|from|with)\s+(?:the\s+)?$/i)) ??
      parties.find((m) => m.start < quantity.start) ??
      parties[0] ??
      (clauseSubject && !AUTHORITIES.includes(clauseSubject.kind) ? clauseSubject : null) ??
      personAsSubject(people[0]) ??
      recent.person ??
      (recent.company && !AUTHORITIES.includes(recent.company.kind) ? recent.company : null);
    if (payer) return payer;
  }
  if (kind === "chip_order") {
    // "supply 18,000 of its GB300 chips to Humain", "sell … to G42": the buyer follows "to".
    const buyer = parties.find(
      (m) =>
        m.start >= quantity.end &&
        /\b(?:suppl|sell|sold|ship)\w*\b/i.test(text.slice(sentence.start, quantity.start)) &&
        /\bto\s+(?:the\s+)?$/i.test(text.slice(quantity.end, m.start).slice(-12)),
    );
    if (buyer && !/deliver/i.test(text.slice(sentence.start, quantity.start))) return buyer;
    // "agreed to supply OpenAI with computing power under a contract valued at $30 billion", "provide
    // Microsoft with about 200,000 GPUs": the one supplied.
    const supplied = parties.find(
      (m) =>
        m.end <= quantity.start &&
        m.start >= clause.start &&
        /\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing))\s+(?:the\s+)?$/i.test(text.slice(clause.start, m.start)) &&
        /^\s+with\b/.test(text.slice(m.end)),
    );
    if (supplied) return supplied;
    // "Samsung signed a $16.5 billion contract in July to make Tesla's next chip", "a contract with Tesla
    // to make its chips": the party whose goods are made is the buyer.
    const madeFor = parties.find(
      (m) =>
        m.start >= quantity.end &&
        /\b(?:contract|deal|agreement)s?\b[^.;]{0,40}?\bto\s+(?:make|supply|build|manufacture|produce|fabricate|deliver)\s+(?:the\s+)?$/i.test(
          text.slice(quantity.start, m.start),
        ) &&
        /^[’']s\b/.test(text.slice(m.end, m.end + 3)),
    );
    const contractedWith = parties.find(
      (m) =>
        m.start >= quantity.end &&
        /\b(?:contract|deal|agreement)s?\s+with\s+(?:the\s+)?$/i.test(text.slice(quantity.end, m.start)) &&
        /^\s+to\s+(?:make|supply|build|manufacture|produce|fabricate|deliver)\b/i.test(text.slice(m.end, m.end + 20)),
    );
    if (madeFor ?? contractedWith) return (madeFor ?? contractedWith)!;
    // "$10 billion in orders for custom chips from a new customer, which people … identified as OpenAI":
    // orders come from their buyer.
    const placer = parties.find(
      (m) =>
        m.start >= quantity.end &&
        /\borders?\b[^.;]{0,60}?\bfrom\s+(?:an?\s+(?:[\w-]+\s+)?(?:customer|client|buyer)\b[^.;]{0,80}?\b(?:identified as|named as|revealed as|which is|who is)\s+)?(?:the\s+)?$/i.test(
          text.slice(Math.max(clause.start, quantity.start - 30), m.start),
        ),
    );
    if (placer) return placer;
  }
  // "Shares of Pinecrest jumped 12%", "revenue of Kestrel rose": the company owns the figure.
  if (!clauseSubject) {
    const owner = organisations.find(
      (m) => m.start < quantity.start && /\b(?:shares|stock|revenue|sales|profit|market value)\s+of\s+(?:the\s+)?$/i.test(text.slice(sentence.start, m.start)),
    );
    if (owner) return owner;
  }
  // Money a company earns, spends or is fined is the company's, never its product's: "sales of the
  // H20 came to about $50 million" is Nvidia's revenue.
  // So is a multiple said of shares or sales ("Shares …, having more than doubled this year").
  const companyFigure =
    ["financial", "investment", "penalty", "stockpile", "chip_order"].includes(kind) || (kind === "other" && /\b(?:shares|stock|revenue|sales|market value)\b/i.test(sentenceText));
  if (on("subjectFitsKind") && clauseSubject && PRODUCTS.includes(clauseSubject.kind) && companyFigure) {
    return parties.find((m) => m.start < quantity.start && !governedByPreposition(text, sentence.start, m)) ?? recent.paragraph ?? recent.topic ?? recent.company ?? clauseSubject;
  }
  // "The U.S. government took a 9.9% stake in Intel", "the Big Fund invested in SMIC": a state can be
  // the investor, and the company it invests in is the object.
  // So can one that funds a company: "would provide up to 802.5 billion yen in funding to Rapidus".
  const investee = (m: Mention) =>
    kind === "investment" &&
    (after(m, /\b(?:stake|invest\w*|injected|shares)\s+(?:[\w$.,%-]+\s+){0,4}in\s+(?:the\s+)?$/i) ||
      (after(m, /\b(?:to|into|for)\s+(?:the\s+)?$/i) && /\b(?:fund\w*|subsid\w*|grants?|support|invest\w*|provid\w*|inject\w*)\b/i.test(sentenceText)));
  if (clauseSubject && AUTHORITIES.includes(clauseSubject.kind) && !parties.some(investee)) {
    const other =
      parties.find((m) => m !== clauseSubject && m.start < quantity.start && !after(m, /\b(?:by|from)\s+(?:the\s+)?$/i)) ??
      parties.find((m) => m.start > clauseSubject.end && !citedAsSource(text, m));
    if (other) return other;
  }
  // A role no state plays (the payer of a levy, a buyer, a holder): not the government that
  // speaks in the clause but the party the passage is about ("the proposed 15% remittance").
  // (But a state that buys or receives goods itself is their buyer: "The government will receive 50,000 GPUs".)
  const stateAcquires =
    CONCEPTS[metric].actor === "buyer" &&
    !parties.some((m) => m.kind !== "government" && m.start >= clause.start && m.end <= quantity.start) &&
    /\b(?:receiv|buy|bought|purchas|order|acquir)\w*\s+(?:(?:up to|about|around|some|more than|nearly|at least|another)\s+)?$/i.test(text.slice(clause.start, quantity.start));
  if (
    on("subjectFitsKind") &&
    clauseSubject &&
    (clauseSubject.kind === "agency" || clauseSubject.kind === "government") &&
    PRIVATE_ROLES.has(CONCEPTS[metric].actor) &&
    !stateAcquires
  ) {
    return parties.find((m) => m.kind !== "government" && m !== clauseSubject) ?? recent.paragraph ?? recent.topic ?? recent.company ?? clauseSubject;
  }
  return clauseSubject;
}

/**
 * The subject of the clause a quantity sits in: the first organisation (or, for specifications,
 * the nearest chip or system) before it that is not governed by a preposition ("with TSMC",
 * "to NUDT"); failing that, what "This system" or "The company" refers back to.
 */
/**
 * Where the clause holding a quantity starts. A new clause starts after ";", ", while …" and
 * reporting verbs: in "BIS projects that Huawei will produce 200,000 chips" the subject is Huawei.
 */
function clauseStartOf(quantity: Quantity, sentence: Sentence, text: string, mentions: Mention[], tokens: Token[], rules: RuleSwitches | undefined): number {
  const body = text.slice(sentence.start, quantity.start);
  const clauseBreaks = [
    ...body.matchAll(
      /;|,\s+(?:while|whereas|but|although|though|and)\s+|\b(?:said|says|say|reported|reports|projects?|projected|estimates?|estimated|expects?|expected|believes?|believed|thinks?|announced|revealed|noted|noting|stated|told\s+\w+|warned|claims?|claimed)\s+(?:that\s+)?|\b(?:found|finds|showed|shows|concluded|concludes|suggested|suggests|indicated|indicates|argued|argues)\s+that\s+/gi,
    ),
  ];
  // A sentence opening with "Projects that …" starts with a noun, not a reporting verb; so does a
  // capitalised word inside one ("its Project Rainier cluster", "the Estimates Committee").
  const lastBreak = clauseBreaks.filter((m) => m.index > 0 && !/^[A-Z]/.test(m[0])).at(-1);
  const mainStart = sentence.start + (lastBreak ? lastBreak.index + lastBreak[0].length : 0);
  if (!ruleOn(rules, "clauseSubjects")) return mainStart;
  // "a transaction in which the U.S. government took a 9.9% stake": a relative clause with a
  // preposition has a subject of its own.
  const relative = [...text.slice(mainStart, quantity.start).matchAll(/\b(?:in|under|through|by|with|for) which\s+/g)].at(-1);
  const start = relative ? mainStart + relative.index + relative[0].length : mainStart;
  // "Shares of SK Hynix fell 4.8% and Samsung dropped 2.3%": a name joined by "and" and followed by
  // its own verb opens a clause of its own, with no comma to mark it.
  const coordinated = mentions.findLast((m) => {
    // Only after a clause that stated its own figure: "The H100 and the H800 are both rated at 700 W" is one clause.
    if (m.start < start || m.end > quantity.start || !/(?<![\w-])\d[^]*\s(?:and|while|but)\s+(?:the\s+)?$/.test(text.slice(start, m.start))) return false;
    const next = tokens.find((t) => t.start >= m.end && !/^(?:[’']s|shares?|stock|revenue|sales)$/i.test(t.text));
    return next !== undefined && next.start < quantity.start && (next.pos === "VERB" || next.pos === "AUX");
  });
  return coordinated?.start ?? start;
}

// A reporting verb followed by a pronoun for its speaker: "said it", "has told investors that they".
const REPORTED_PRONOUN =
  /^[^.]*?\b(?:said|says|say|told\s+\w+|announced|expects?|expected|estimated|estimates?|projects?|plans?|warned|added|disclosed|confirmed)\s+(?:that\s+)?(?:it|they|the (?:company|firm|group|chipmaker))\b/i;

function attributeSubject(clause: Clause, specLike: boolean): Mention | null {
  const { text, sentence, quantity, mentions, recent, start: clauseStart } = clause;
  const eligible = mentions.filter(
    (m) =>
      m.end <= quantity.start &&
      !governedByPreposition(text, sentence.start, m) &&
      !(ruleOn(clause.rules, "clauseSubjects") && listedAfterObject(text, sentence.start, m, mentions)) &&
      text[m.start - 1] !== "(" &&
      !(ruleOn(clause.rules, "clauseSubjects") && inAside(text, sentence.start, m, quantity.start)),
  );
  // "Elon Musk's xAI is raising $20 billion": the possessor names whose the company is, not the subject.
  // (Also with an epithet between: "Elon Musk's artificial intelligence company xAI".)
  const possessors = new Set(mentions.filter((m) => mentions.some((o) => ORGANISATIONS.includes(o.kind) && /^[’']s\s+(?:[a-z][\w-]*\s+){0,4}$/.test(text.slice(m.end, o.start)))));
  const inClause = eligible.filter((m) => m.start >= clauseStart && !(ruleOn(clause.rules, "clauseSubjects") && possessors.has(m)));
  // "Baidu has said it will deploy 30,000 chips": a pronoun opening a reported clause is its
  // speaker, the name just before the reporting verb, not the first name of the sentence.
  const lastNamed = eligible.at(-1);
  const speaker =
    ruleOn(clause.rules, "reportedSpeech") &&
    !inClause.length &&
    lastNamed &&
    REPORTED_PRONOUN.test(text.slice(lastNamed.end, quantity.start)) &&
    !/;|,\s+(?:and|while|but|whereas)\s/.test(text.slice(lastNamed.end, quantity.start))
      ? lastNamed
      : undefined;
  // "Moore Threads, whose shares rose 425%", "Hygon, which gained 2.6%": a relative clause is about
  // the name it follows, even one governed by a preposition ("that of Moore Threads, whose …").
  // (Not a place the clause's noun is in: "its data centres in the United States, which it says serve
  // 20 trillion tokens" is about the data centres. "the WSE-3 processors, each of which packs 4 trillion
  // transistors" is about the processors.)
  const antecedent = ruleOn(clause.rules, "clauseSubjects")
    ? mentions.findLast(
        (m) =>
          m.end <= quantity.start &&
          !(m.kind === "government" && /\b(?:in|at|across|throughout|near|from|to)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 12), m.start))) &&
          /^(?:[’']s)?(?:\s+(?:accelerator|processor|chip|GPU|NPU|system|server|supercomputer|cluster|rack|module|card|phone|smartphone)s?(?:\s+(?:in|at|near)\s+[A-Z][\w.-]*(?:,?\s+[A-Z][\w.-]*)?)?)?,\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:that|which|who)\b|(?:each|all|both|most|some)\s+of\s+which|whose|which|who|founded|owned|backed|led|set up|created)\b[^,;]*$/.test(
            text.slice(m.end, quantity.start),
          ),
      )
    : undefined;
  if (antecedent && (!specLike || PRODUCTS.includes(antecedent.kind))) return antecedent;
  // "Clearwater Forest, a server processor on 18A with up to 288 cores": the product an appositive
  // describes holds the figure, before the kind is known (its parts are then a spec).
  const described = ruleOn(clause.rules, "subjectFitsKind") ? appositiveSystem(clause) : null;
  if (described && PRODUCTS.includes(described.kind)) return described;
  // "The Dutch company, based in Nijmegen, employs 12,500 people": the last company of that country,
  // when no name stands between the phrase and the figure.
  const national = ruleOn(clause.rules, "countryAnaphora") ? NATIONAL_ANAPHOR.exec(text.slice(sentence.start, quantity.start)) : null;
  const nationalAt = national ? sentence.start + national.index : -1;
  const ofCountry = national && !eligible.some((m) => m.start >= nationalAt) ? recent.byCountry.get(countryOfAdjective(national[1]!) ?? "") : undefined;
  if (ofCountry) return ofCountry;
  // "the 1 million H20s Nvidia sold in China": a relative clause without "that" names who did it.
  if (
    ruleOn(clause.rules, "clauseSubjects") &&
    /\bthe\s+(?:[\w-]+\s+)?$/i.test(text.slice(Math.max(sentence.start, quantity.start - 20), quantity.start)) &&
    !/^\s*%/.test(text.slice(quantity.end))
  ) {
    const doer = mentions.find(
      (m) => m.start >= quantity.end && /^\s+(?:[\w-]+\s+){0,2}$/.test(text.slice(quantity.end, m.start)) && RELATIVE_DEED.test(text.slice(m.end, m.end + 40)),
    );
    if (doer) return doer;
  }
  // "China produced 451.4 billion integrated circuits": a country can be the subject of a national
  // figure; countries are not entities, so it is named here only when the clause names no one else.
  if (ruleOn(clause.rules, "countrySubjects") && !inClause.length && !speaker && !SHARE_OF_SALES.test(text.slice(clauseStart, sentence.end))) {
    // "South Korea announced a 26 trillion won package": the sentence's opening, when a reporting
    // verb started the figure's clause and no one else is named before it.
    const opening =
      countryOpening(text, clauseStart, quantity.start, clause.tokens) ?? (eligible.length ? null : countryOpening(text, sentence.start, quantity.start, clause.tokens));
    // "The country imported 549.2 billion chips": the country last named as a subject.
    const country = opening && /^the country$/i.test(opening.name) ? recent.country : opening?.name;
    if (opening && country) return { name: country, kind: "government", start: opening.start, end: opening.end, known: false };
    // "China produced 239.5 billion chips … Exports of integrated circuits rose 20.3 percent": a
    // national measure that names no one is the country's last said to hold a figure.
    if (!eligible.length && recent.country && NATIONAL_MEASURE.test(text.slice(sentence.start, quantity.start)))
      return { name: recent.country, kind: "government", start: clauseStart, end: clauseStart, known: false };
  }
  const unpossessed = ruleOn(clause.rules, "clauseSubjects") ? eligible.filter((m) => !possessors.has(m)) : eligible;
  const pool = speaker ? [speaker] : inClause.length ? inClause : unpossessed;
  // "the H100's 80GB": a product owning the figure right before it.
  const owner = mentions.find((m) => PRODUCTS.includes(m.kind) && /^[’']s\s+(?:[\w-]+\s+)?$/.test(text.slice(m.end, quantity.start)) && quantity.start - m.end <= 20);
  const fitsKind = ruleOn(clause.rules, "subjectFitsKind");
  if (specLike && owner && fitsKind) return owner;
  // "the A100 scores 4,992 and the H100 about 15,800": the verb left out, the second product owns the second figure.
  const gapped = mentions.find(
    (m) =>
      PRODUCTS.includes(m.kind) &&
      /^\s+(?:about|around|roughly|nearly|some|only|just)?\s*$/.test(text.slice(m.end, quantity.start)) &&
      /\b(?:and|while|against|versus|vs\.?)\s+(?:the\s+|its\s+)?$/.test(text.slice(sentence.start, m.start)),
  );
  if (specLike && gapped && fitsKind) return gapped;
  // "Lam Research dropped 1.9% and KLA 1.5%": the same for a company's move.
  const gappedParty = mentions.find(
    (m) =>
      ORGANISATIONS.includes(m.kind) &&
      /^\s+(?:about|around|roughly|nearly|some|only|just)?\s*$/.test(text.slice(m.end, quantity.start)) &&
      /\b(?:and|while)\s+(?:the\s+)?$/.test(text.slice(sentence.start, m.start)),
  );
  if (!specLike && gappedParty && ruleOn(clause.rules, "clauseSubjects")) return gappedParty;
  // "followed by Samsung at 6.8% and SMIC at 5.1%", "Hua Hong ranked sixth with 2.6%": a share put
  // right after its holder.
  const holder = mentions.findLast(
    (m) =>
      ORGANISATIONS.includes(m.kind) &&
      m.end <= quantity.start &&
      /^\s+(?:(?:ranked|came|was|is|finished)\s+[a-z]+\s+)?(?:at|with)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$/.test(text.slice(m.end, quantity.start)),
  );
  if (!specLike && holder && quantity.unit === "percent" && ruleOn(clause.rules, "clauseSubjects")) return holder;
  // "the 180 petaflops of the GB200 NVL72": a product the figure is said to be "of".
  const ownerAfter = mentions.find(
    (m) =>
      PRODUCTS.includes(m.kind) && m.start >= quantity.end && /^\s+(?:[\w/-]+\s+){0,3}?of\s+(?:the\s+|an?\s+|its\s+)?(?:[\w-]+[’']s\s+)?$/i.test(text.slice(quantity.end, m.start)),
  );
  if (specLike && ownerAfter && fitsKind && quantity.baselineAt === null && !/\bthan\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, quantity.start - 30), quantity.start)))
    return ownerAfter;
  const first = specLike ? (pool.find((m) => PRODUCTS.includes(m.kind)) ?? pool.at(-1)) : (pool.find((m) => ORGANISATIONS.includes(m.kind)) ?? pool[0]);
  // "Huawei's Ascend 910C pairs two dies": a company's possessive introduces its product, the subject.
  const introduced =
    fitsKind && first && ORGANISATIONS.includes(first.kind)
      ? mentions.find((m) => PRODUCTS.includes(m.kind) && m.end <= quantity.start && /^[’']s\s+(?:new\s+|latest\s+)?$/.test(text.slice(first.end, m.start)))
      : undefined;
  const candidate = introduced ?? first;
  // "- HBM4 bandwidth: 13 TB/s" under "VERA RUBIN NVL144": a bullet's spec is the list's product.
  if (specLike && (recent.bullet ?? recent.list) && (!candidate || !PRODUCTS.includes(candidate.kind))) return recent.bullet ?? recent.list;
  // "… 900GB/s NVLink connectivity on its new H20": a spec belongs to the product it describes.
  if (specLike && quantity.baselineAt === null && (!candidate || !PRODUCTS.includes(candidate.kind))) {
    const product = mentions.find(
      (m) =>
        m.start >= quantity.end &&
        PRODUCTS.includes(m.kind) &&
        m.start - quantity.end <= 80 &&
        !/[,;(]/.test(text.slice(quantity.end, m.start)) &&
        !/(?:than|that of|those of|vs\.?|versus|against|compared (?:to|with))\s+(?:an?\s+|the\s+)?$/i.test(text.slice(quantity.end, m.start)),
    );
    if (product) return product;
  }
  if (candidate) return candidate;
  // "This system …" opening the sentence, or "We estimate it will ship …": a pronoun opening the
  // clause of the figure refers back as well.
  const anaphor = ANAPHOR.exec(sentence.text) ?? (clauseStart > sentence.start ? ANAPHOR.exec(text.slice(clauseStart, quantity.start)) : null);
  if (anaphor) {
    const referent = REFERENT_OF.get((anaphor[1] ?? "").toLowerCase());
    if (referent === "product") return recent.product ?? recent.organisation;
    // "The department also finalised grants …": the authority the passage last named.
    if (referent === "authority" && recent.authority) return recent.authority;
    // "The government will also set up a fund": the country last said to hold a figure.
    if (referent === "government" && recent.country && ruleOn(clause.rules, "countrySubjects"))
      return { name: recent.country, kind: "government", start: clauseStart, end: clauseStart, known: false };
    // "The fund has a term of 20 years": the fund the passage last named.
    if (referent === "fund" && recent.fund) return recent.fund;
    // "The rule, issued in January, sorted countries into three tiers": the rule the passage last named.
    if (referent === "rule" && recent.rule && ruleOn(clause.rules, "roleAnaphora")) return recent.rule;
    // "The buyer paid a 30% deposit": the parties of the last order the article stated.
    if (referent === "buyer" && recent.buyer) return recent.buyer; // set only under roleAnaphora
    if (referent === "supplier" && recent.supplier) return recent.supplier;
    const country =
      recent.country && ruleOn(clause.rules, "countrySubjects")
        ? ({ name: recent.country, kind: "government", start: clauseStart, end: clauseStart, known: false } as const)
        : null;
    return (specLike ? recent.product : null) ?? recent.company ?? recent.organisation ?? recent.product ?? country;
  }
  // "1,600 H100 GPUs": a product naming the goods counted is what is counted, not who counts.
  // Only in the figure's own clause: "About 40 billion yuan will be spent in China, …, where the
  // company can still buy Nvidia processors" is not Nvidia's.
  const rest = text.slice(quantity.end, sentence.end);
  const clauseBreak = rest.search(/;|,\s+(?:while|whereas|but|where|which|who|and)\b|\s+while\s/);
  const clauseEnd = clauseBreak < 0 ? sentence.end : quantity.end + clauseBreak;
  const after = mentions.find(
    (m) =>
      m.start >= quantity.end &&
      (!ruleOn(clause.rules, "clauseSubjects") || m.end <= clauseEnd) &&
      !governedByPreposition(text, sentence.start, m) &&
      !(ruleOn(clause.rules, "clauseSubjects") && listedAfterObject(text, sentence.start, m, mentions)) &&
      !(PRODUCTS.includes(m.kind) && /^\s*(?:[\w-]+\s+){0,2}$/.test(text.slice(quantity.end, m.start))),
  );
  return after ?? (specLike ? (recent.list ?? recent.product) : (recent.caseDefendant ?? recent.paragraph ?? recent.topic ?? recent.company ?? recent.organisation));
}

// Words before "rule" that do not name it: "the new rule", "its export rule", "a 50% rule".
const NOT_RULE_NAME =
  /^(?:the|a|an|its|their|this|that|these|those|his|her|our|any|new|final|interim|proposed|latest|same|previous|earlier|old|existing|current|draft|export|control|controls|trade|and|or|of|to|in|on|by|for|with|under|said|says|would|will|such|one|US|U\.S\.|American|federal|[\d.,%]+)$/i;

/** The last rule a sentence names by its own words ("the AI diffusion rule", "the foreign direct product rule"). */
function namedRule(text: string, sentence: Sentence): Mention | null {
  let found: Mention | null = null;
  for (const m of sentence.text.matchAll(/\b(?:rule|regulation|framework)\b/g)) {
    const words = sentence.text.slice(0, m.index).trimEnd().split(/\s+/);
    const name: string[] = [];
    for (let i = words.length - 1; i >= 0 && name.length < 4; i--) {
      const word = words[i]!;
      if (NOT_RULE_NAME.test(word) || /[’'](?:s)?$|[,;:()"“”]/.test(word)) break;
      name.unshift(word);
    }
    if (!name.length || !name.some((w) => /^[A-Za-z][\w-]*$/.test(w))) continue;
    const phrase = `${name.join(" ")} ${m[0]}`;
    const start = sentence.start + m.index + m[0].length - phrase.length;
    if (text.slice(start, start + phrase.length) === phrase) found = { name: phrase, kind: "company", start, end: start + phrase.length, known: false };
  }
  return found;
}

function attributeObject(quantity: Quantity, mentions: Mention[], subject: Mention | null, text: string): Mention | null {
  const others = mentions.filter((m) => m !== subject && m.name !== subject?.name);
  if (quantity.baselineAt !== null) {
    return others.find((m) => m.start >= quantity.baselineAt! && m.start - quantity.baselineAt! <= 40) ?? null;
  }
  const after = others.filter((m) => m.start >= quantity.end && m.start - quantity.end <= 70);
  const countsChips = /chip|gpu|npu|accelerator|processor/i.test(quantity.noun ?? "");
  if (countsChips) {
    const product = after.find((m) => PRODUCTS.includes(m.kind));
    if (product) return product;
  }
  return after.find((m) => governedByPreposition(text, quantity.end, m)) ?? null;
}

/** The clause that states the fact: from its subject (or the clause start) to its object (or the clause end). */
function quoteSpan(quantity: Quantity, sentence: Sentence, subject: Mention | null, object: Mention | null, text: string) {
  const body = text.slice(sentence.start, sentence.end);
  const local = quantity.start - sentence.start;
  const clauseStartIn = Math.max(0, ...[...body.slice(0, local).matchAll(/(?:[;:—–]|,\s)\s*/g)].map((m) => m.index + m[0].length));
  let start = sentence.start + clauseStartIn;
  if (subject && subject.start >= sentence.start && subject.start < quantity.start && quantity.start - subject.start <= 160) start = Math.min(start, subject.start);
  const rest = body.slice(quantity.end - sentence.start);
  const clauseEnd = rest.search(/[;—]|,\s(?!\d{3})|\.\s|\.$/);
  let end = clauseEnd < 0 ? sentence.end : quantity.end + clauseEnd;
  if (object && object.start >= quantity.end && object.end <= sentence.end) end = Math.max(end, object.end);
  end = Math.max(end, quantity.end);
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function dateFor(quantity: Quantity, sentence: Sentence, dates: FoundDate[]): string | null {
  const inSentence = within(dates, sentence);
  if (quantity.period === "since") {
    const own = inSentence.find((d) => d.start >= quantity.start && d.end <= quantity.end);
    if (own) return own.date;
  }
  const others = inSentence.filter((d) => !(d.start >= quantity.start && d.end <= quantity.end));
  if (others.length === 0) return null;
  return others.reduce((best, d) => (Math.abs(d.start - quantity.start) < Math.abs(best.start - quantity.start) ? d : best)).date;
}

// Article text → candidate facts and entities, each with exact offsets and quote. Pure: no
// database, no network, no I/O; the gazetteer of known entities is passed in.
import type { Bound, EntityKind } from "@/lib/generated/prisma/enums";
import { classify } from "@/lib/extract/classify";
import type { ExtractionKind } from "@/lib/extract/kinds";
import type { FactStatus } from "@/lib/generated/prisma/enums";
import { findDates, type FoundDate } from "@/lib/extract/dates";
import { findEvents, type ProposedEvent } from "@/lib/extract/events";
import { findMentions, type Gazetteer, type Mention, type Person } from "@/lib/extract/entities";
import { tagTokens } from "@/lib/extract/syntax";
import { findQuantities, type Quantity } from "@/lib/extract/quantities";
import { splitSentences, type Sentence } from "@/lib/extract/sentences";
import type { MetricKey, Qualifiers } from "@/lib/metrics/registry";
import { isMoneyUnit, unitInfo, type Dimension } from "@/lib/metrics/units";

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
};

export type ExtractedEntity = { name: string; kind: EntityKind; start: number; end: number; known: boolean };
export type Extraction = { facts: ExtractedFact[]; events: ProposedEvent[]; entities: ExtractedEntity[] };

const ORGANISATIONS: EntityKind[] = ["company", "agency", "university", "government"];
const PRODUCTS: EntityKind[] = ["chip", "system"];
// Dimensions whose figures describe a product (its spec sheet), not an organisation.
const SPEC_DIMENSIONS = new Set<Dimension>(["compute", "power", "memory", "bandwidth", "length", "area", "ratio"]);
const OBJECT_PREPOSITION = /\b(?:with|from|to|by|than|for|against|into|on|at|of|over|versus|vs\.?|including|such as|like)\s+(?:the\s+|its\s+|their\s+|an?\s+|China[’']s\s+)?$/i;
// "This system", "The company", "It": the subject is one named in an earlier sentence.
const ANAPHOR =
  /^(?:[A-Z][\w ,]{0,30}?,\s+)?(?:this|that|the|its|it|these|they)\b(?:\s+(system|cluster|chip|design|rack|supernode|machine|processor|accelerator|gpu|npu|company|firm|group|chipmaker|maker|plea|agreement|deal|order|case|move|rule))?/i;

export function extractFacts(text: string, options: { gazetteer: Gazetteer; published?: Date | null }): Extraction {
  const sentences = splitSentences(text);
  const { mentions, people } = findMentions(text, options.gazetteer, tagTokens(text));
  const dates = findDates(text, options.published ?? null);
  const nameSpans = mentions.map((m) => [m.start, m.end] as [number, number]);
  const dateSpans = dates.map((d) => [d.start, d.end] as [number, number]);
  const facts: ExtractedFact[] = [];
  // What the article is about: its most-named party, the subject of figures no sentence attributes
  // ("Revenue for fiscal Q3 came in at $57.0 billion" in a story about Nvidia).
  const topic = topicOf(mentions);
  const recent: Recent = { organisation: null, company: null, product: null, person: null, topic };

  for (const sentence of sentences) {
    const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const peopleInSentence = people.filter((p) => p.start >= sentence.start && p.end <= sentence.end);
    const quantities = findQuantities(sentence.text, sentence.start, nameSpans, dateSpans);
    for (const quantity of dedupeConversions(quantities, text)) {
      const specLike = SPEC_DIMENSIONS.has(unitInfo(quantity.unit)?.dimension ?? "count");
      const local = text.slice(Math.max(sentence.start, quantity.start - 90), Math.min(sentence.end, quantity.end + 60));
      const near = text.slice(Math.max(sentence.start, quantity.start - 40), quantity.start);
      const clauseSubject = attributeSubject(quantity, sentence, inSentence, text, recent, specLike);
      let classified = classify(quantity, sentence.text, local, near, clauseSubject?.kind ?? null);
      const subject = applyFrame(classified.kind, quantity, sentence, inSentence, peopleInSentence, text, recent, clauseSubject);
      if (subject?.kind !== clauseSubject?.kind) classified = classify(quantity, sentence.text, local, near, subject?.kind ?? null);
      const { kind, metric, qualifiers, status } = classified;
      const object = attributeObject(quantity, inSentence, subject, text);
      const quote = quoteSpan(quantity, sentence, subject, object, text);
      facts.push({
        kind,
        metric,
        qualifiers,
        status,
        subject: subject?.name ?? null,
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
      });
    }
    // Remember who the sentence was about (its first non-object mentions), for "This system …"
    // or "The company …" in the next one.
    const subjects = inSentence.filter((m) => !OBJECT_PREPOSITION.test(text.slice(sentence.start, m.start)));
    recent.product = subjects.find((m) => PRODUCTS.includes(m.kind)) ?? recent.product;
    recent.organisation = subjects.find((m) => ORGANISATIONS.includes(m.kind)) ?? recent.organisation;
    recent.company = subjects.find((m) => m.kind === "company") ?? recent.company;
    const person = peopleInSentence[0];
    if (person) recent.person = { name: person.surname, kind: "company", start: person.start, end: person.end, known: false };
  }
  return {
    facts,
    events: findEvents(
      text,
      sentences,
      dates,
      mentions,
      facts.map((fact) => fact.start),
    ),
    entities: mentions.map(({ name, kind, start, end, known }) => ({ name, kind, start, end, known })),
  };
}

function round(value: number) {
  return Number(value.toPrecision(12));
}

/** "US$16 billion (S$21.5 billion)": a conversion in brackets is the same amount; keep USD. */
function dedupeConversions(quantities: Quantity[], text: string): Quantity[] {
  return quantities.filter((quantity, index) => {
    const previous = quantities[index - 1];
    const next = quantities[index + 1];
    const bracketed = (a: Quantity, b: Quantity) => /^\s*\(\s*(?:about|around|roughly|approximately|or)?\s*$/i.test(text.slice(a.end, b.start));
    if (previous && isMoneyUnit(previous.unit) && isMoneyUnit(quantity.unit) && bracketed(previous, quantity)) return quantity.unit === "USD" && previous.unit !== "USD";
    if (next && isMoneyUnit(next.unit) && isMoneyUnit(quantity.unit) && bracketed(quantity, next)) return !(next.unit === "USD" && quantity.unit !== "USD");
    return true;
  });
}

type Recent = { organisation: Mention | null; company: Mention | null; product: Mention | null; person: Mention | null; topic: Mention | null };

function topicOf(mentions: Mention[]): Mention | null {
  const counts = new Map<string, { mention: Mention; count: number }>();
  for (const mention of mentions) {
    if (mention.kind !== "company") continue;
    const entry = counts.get(mention.name) ?? { mention, count: 0 };
    entry.count += mention.known ? 1.5 : 1;
    counts.set(mention.name, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  return ranked[0] && ranked[0].count >= 2 ? ranked[0].mention : null;
}

const AUTHORITIES: EntityKind[] = ["agency"];
// Words of a criminal case: its counts, prison terms and fines belong to the defendant's case.
const CASE_WORDS = /prison|charged|charges|\bcounts?\b|indict|plead|pleaded|sentenc|smuggl|arrest|defendant|convict|faces up to|statutory maximum|complaint/i;

/**
 * Who a fact is about, by what kind of fact it is (the labelling's roles): a penalty's payer (not
 * the authority that imposes it), an order's buyer ("supply 18,000 chips to Humain"), a
 * defendant for the counts and terms of a criminal case, the company whose figure it is ("34% of
 * Lam Research's revenue"); agencies are never the subject when the clause names another party.
 */
function applyFrame(
  kind: ExtractionKind,
  quantity: Quantity,
  sentence: Sentence,
  mentions: Mention[],
  people: Person[],
  text: string,
  recent: Recent,
  clauseSubject: Mention | null,
): Mention | null {
  const organisations = mentions.filter((m) => ORGANISATIONS.includes(m.kind));
  const parties = organisations.filter((m) => !AUTHORITIES.includes(m.kind));
  const after = (m: Mention, pattern: RegExp) => pattern.test(text.slice(sentence.start, m.start));
  const sentenceText = sentence.text;
  const personAsSubject = (person: Person | undefined) =>
    person ? ({ name: person.surname, kind: "company", start: person.start, end: person.end, known: false } satisfies Mention) : null;

  // "… of Lam Research's revenue", "… 33% of KLA's": a figure of the company named right after it.
  const possessive = organisations.find(
    (m) =>
      m.start >= quantity.end &&
      m.start - quantity.end <= 25 &&
      /^\s*(?:of\s+)?(?:the\s+)?$/i.test(text.slice(quantity.end, m.start)) &&
      /^[’']s\b/.test(text.slice(m.end, m.end + 3)),
  );
  if (possessive && (kind === "financial" || kind === "other")) return possessive;

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
  }
  // "Shares of Pinecrest jumped 12%", "revenue of Kestrel rose": the company owns the figure.
  if (!clauseSubject) {
    const owner = organisations.find(
      (m) => m.start < quantity.start && /\b(?:shares|stock|revenue|sales|profit|market value)\s+of\s+(?:the\s+)?$/i.test(text.slice(sentence.start, m.start)),
    );
    if (owner) return owner;
  }
  if (clauseSubject && AUTHORITIES.includes(clauseSubject.kind)) {
    const other =
      parties.find((m) => m !== clauseSubject && m.start < quantity.start && !after(m, /\b(?:by|from)\s+(?:the\s+)?$/i)) ?? parties.find((m) => m.start > clauseSubject.end);
    if (other) return other;
  }
  return clauseSubject;
}

/**
 * The subject of the clause a quantity sits in: the first organisation (or, for specifications,
 * the nearest chip or system) before it that is not governed by a preposition ("with TSMC",
 * "to NUDT"); failing that, what "This system" or "The company" refers back to.
 */
function attributeSubject(quantity: Quantity, sentence: Sentence, mentions: Mention[], text: string, recent: Recent, specLike: boolean): Mention | null {
  const body = text.slice(sentence.start, quantity.start);
  // A new clause starts after ";", ", while …" and reporting verbs: in "BIS projects that Huawei
  // will produce 200,000 chips" the subject is Huawei.
  const clauseBreaks = [
    ...body.matchAll(
      /;|,\s+(?:while|whereas|but|although|though|and)\s+|\b(?:said|says|say|reported|reports|projects|projected|estimates|estimated|expects|expected|believes|believed|announced|revealed|noted|noting|stated|told\s+\w+|warned|claims|claimed)\s+(?:that\s+)?/gi,
    ),
  ];
  const lastBreak = clauseBreaks.at(-1);
  const clauseStart = sentence.start + (lastBreak ? lastBreak.index + lastBreak[0].length : 0);
  const eligible = mentions.filter((m) => m.end <= quantity.start && !OBJECT_PREPOSITION.test(text.slice(sentence.start, m.start)) && text[m.start - 1] !== "(");
  const inClause = eligible.filter((m) => m.start >= clauseStart);
  const pool = inClause.length ? inClause : eligible;
  const candidate = specLike ? (pool.filter((m) => PRODUCTS.includes(m.kind)).at(-1) ?? pool.at(-1)) : (pool.find((m) => ORGANISATIONS.includes(m.kind)) ?? pool[0]);
  // "… 900GB/s NVLink connectivity on its new H20": a spec belongs to the product it describes.
  if (specLike && quantity.baselineAt === null && (!candidate || !PRODUCTS.includes(candidate.kind))) {
    const product = mentions.find(
      (m) =>
        m.start >= quantity.end &&
        PRODUCTS.includes(m.kind) &&
        m.start - quantity.end <= 80 &&
        !/[,;(]/.test(text.slice(quantity.end, m.start)) &&
        !/(?:than|that of|those of|vs\.?|versus|compared (?:to|with))\s+(?:an?\s+|the\s+)?$/i.test(text.slice(quantity.end, m.start)),
    );
    if (product) return product;
  }
  if (candidate) return candidate;
  const anaphor = ANAPHOR.exec(sentence.text);
  if (anaphor) {
    const noun = (anaphor[1] ?? "").toLowerCase();
    if (/system|cluster|chip|design|rack|supernode|machine|processor|accelerator|gpu|npu/.test(noun)) return recent.product ?? recent.organisation;
    return (specLike ? recent.product : null) ?? recent.company ?? recent.organisation ?? recent.product;
  }
  const after = mentions.find((m) => m.start >= quantity.end && !OBJECT_PREPOSITION.test(text.slice(sentence.start, m.start)));
  return after ?? (specLike ? recent.product : (recent.topic ?? recent.company ?? recent.organisation));
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
  return after.find((m) => OBJECT_PREPOSITION.test(text.slice(quantity.end, m.start))) ?? null;
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
  const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
  if (quantity.period === "since") {
    const own = inSentence.find((d) => d.start >= quantity.start && d.end <= quantity.end);
    if (own) return own.date;
  }
  const others = inSentence.filter((d) => !(d.start >= quantity.start && d.end <= quantity.end));
  if (others.length === 0) return null;
  return others.reduce((best, d) => (Math.abs(d.start - quantity.start) < Math.abs(best.start - quantity.start) ? d : best)).date;
}

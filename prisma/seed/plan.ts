// Turns the seed files into a plan of rows to write: entities, articles (the founding article and
// one excerpts-article per curated source), events and facts with verified quote offsets.
// Pure: no database, so the provenance rules are unit-tested directly.
import { createHash } from "node:crypto";
import type { Bound, DatePrecision, EntityKind, EventRole, EventType, FactStatus, SourceKind, TextScope } from "@/lib/generated/prisma/enums";
import { EXCERPT_SEPARATOR } from "@/lib/articles/excerpts";
import { formatPartialDate, parsePartialDate } from "@/lib/events/partial-date";
import { classifySource } from "@/lib/sources/kinds";
import { periodFromLabel } from "@/lib/facts/period";
import { fromLegacyMetric, getMetric, type Qualifiers } from "@/lib/metrics/registry";
import type { CuratedEvent, Evidence, SeedArticle, SeedEntity, SpecRow } from "./schema";

export type PlannedArticle = {
  url: string;
  title: string;
  outlet: string | null;
  publishedAt: Date | null;
  text: string;
  textScope: TextScope;
  sourceKind: SourceKind;
};

export type PlannedEvent = {
  slug: string;
  title: string;
  type: EventType;
  date: Date;
  datePrecision: DatePrecision;
  claimStatus: "confirmed" | "reported";
  countries: string[];
  sourceArticleUrl: string;
  entities: { slug: string; role: EventRole }[];
};

export type PlannedFact = {
  articleUrl: string;
  eventSlug: string | null;
  metric: string;
  qualifiers: Qualifiers;
  status: FactStatus;
  market: string | null;
  productSlug: string | null;
  productLabel: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  periodLabel: string | null;
  value: string;
  valueMax: string | null;
  bound: Bound;
  unit: string;
  subjectSlug: string | null;
  subjectLabel: string;
  objectSlug: string | null;
  objectLabel: string | null;
  date: Date | null;
  datePrecision: DatePrecision | null;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
};

export type SeedPlan = {
  /** sha256 of the seed input: a database that applied another one is brought up to this one. */
  fingerprint: string;
  entities: SeedEntity[];
  articles: PlannedArticle[];
  events: PlannedEvent[];
  facts: PlannedFact[];
};

export type SeedInput = {
  entities: SeedEntity[];
  events: CuratedEvent[];
  specs: SpecRow[];
  evidence: Evidence;
  seedArticle: SeedArticle;
  seedArticleText: string;
};

export function planSeed(input: SeedInput): SeedPlan {
  const resolve = entityResolver(input.entities);
  const kindOf = new Map(input.entities.map((entity) => [entity.slug, entity.kind]));
  const products = input.entities.filter((entity) => entity.kind === "chip" || entity.kind === "system");
  /** The registry concept, qualifiers, product, period, market and status a curated key stands for. */
  const concept = (key: string, subjectSlug: string | null, quote: string) => {
    const mapping = fromLegacyMetric(key)!;
    // An order placed by the vendor of the product it names is a production order (see registry).
    const vendorsOwn = products.some((product) => product.vendor === subjectSlug && quote.toLowerCase().includes(product.name.toLowerCase()));
    const period = mapping.period ? periodFromLabel(mapping.period) : { start: null, end: null, label: null };
    const productSlug = mapping.product ? (resolve(mapping.product) ?? null) : null;
    return {
      metric: mapping.whenBuyerIsVendor && vendorsOwn ? mapping.whenBuyerIsVendor : mapping.metric,
      qualifiers: mapping.qualifiers ?? {},
      status: mapping.status ?? ("actual" as const),
      market: mapping.market ?? null,
      productSlug,
      productLabel: mapping.product ?? null,
      periodStart: period.start,
      periodEnd: period.end,
      periodLabel: period.label,
    };
  };
  const excerpts = new ExcerptCollector();
  const events: PlannedEvent[] = [];
  const companiesOf = new Map<string, string[]>();
  const facts: Omit<PlannedFact, "quoteStart" | "quoteEnd">[] = [];

  for (const event of input.events) {
    const when = parsePartialDate(event.date);
    const source = excerpts.source(event.source.url, event.source.outlet, event.source.published);
    source.add(event.source.quote);
    const spans = input.evidence.events[event.id]?.facts ?? [];
    if (spans.length !== event.facts.length) {
      throw new Error(`evidence for event ${event.id} lists ${spans.length} spans for ${event.facts.length} facts`);
    }
    event.facts.forEach((fact, index) => {
      const span = spans[index]!;
      if (span.metric !== fact.metric) throw new Error(`evidence for ${event.id} #${index} is for ${span.metric}`);
      source.add(span.span);
      const parties = orientParties(fact.metric, fact.subject, fact.object, resolve, kindOf);
      facts.push({
        articleUrl: event.source.url,
        eventSlug: event.id,
        ...concept(fact.metric, parties.subjectSlug, span.span),
        value: String(fact.value),
        valueMax: fact.valueMax === null ? null : String(fact.valueMax),
        bound: fact.bound,
        unit: fact.unit,
        ...parties,
        date: when.date,
        datePrecision: when.precision,
        quote: span.span,
      });
    });
    events.push({
      slug: event.id,
      title: event.title,
      type: event.type,
      date: when.date,
      datePrecision: when.precision,
      claimStatus: /^report\b/i.test(event.title) ? "reported" : "confirmed",
      countries: event.countries,
      sourceArticleUrl: event.source.url,
      entities: [],
    });
    companiesOf.set(event.id, event.companies);
  }

  for (const spec of input.specs) {
    const subjectSlug = resolve(spec.name);
    if (!subjectSlug) throw new Error(`spec row names unknown ${spec.kind} "${spec.name}"`);
    // A spec row often restates an event fact from the same page: keep one fact per statement.
    const specConcept = concept(spec.metric, subjectSlug, spec.source.quote);
    const restated = facts.some(
      (fact) =>
        fact.articleUrl === spec.source.url &&
        fact.metric === specConcept.metric &&
        JSON.stringify(fact.qualifiers) === JSON.stringify(specConcept.qualifiers) &&
        fact.subjectSlug === subjectSlug &&
        Number(fact.value) === spec.value,
    );
    if (restated) continue;
    excerpts.source(spec.source.url, hostOf(spec.source.url), null).add(spec.source.quote);
    facts.push({
      articleUrl: spec.source.url,
      eventSlug: null,
      ...specConcept,
      value: String(spec.value),
      valueMax: null,
      bound: spec.bound,
      unit: spec.unit,
      subjectSlug,
      subjectLabel: spec.name,
      objectSlug: null,
      objectLabel: null,
      date: null,
      datePrecision: null,
      quote: spec.source.quote,
    });
  }

  const founding = input.seedArticle;
  const eventDates = new Map(events.map((event) => [event.slug, event]));
  for (const fact of founding.facts) {
    const event = eventDates.get(fact.event);
    if (!event) throw new Error(`seed article fact "${fact.quote}" names unknown event ${fact.event}`);
    const when = fact.date ? parsePartialDate(fact.date) : { date: event.date, precision: event.datePrecision };
    const parties = orientParties(fact.metric, fact.subject, fact.object, resolve, kindOf);
    facts.push({
      articleUrl: founding.article.url,
      eventSlug: fact.event,
      ...concept(fact.metric, parties.subjectSlug, fact.quote),
      value: String(fact.value),
      valueMax: fact.valueMax === undefined ? null : String(fact.valueMax),
      bound: fact.bound,
      unit: fact.unit,
      ...parties,
      date: when.date,
      datePrecision: when.precision,
      quote: fact.quote,
    });
  }

  for (const event of events) {
    const factEntitySlugs = facts
      .filter((fact) => fact.eventSlug === event.slug)
      .flatMap((fact) => [fact.subjectSlug, fact.objectSlug])
      .filter((slug): slug is string => !!slug);
    event.entities = eventEntities(companiesOf.get(event.slug)!, factEntitySlugs, resolve, kindOf, event.slug);
  }

  const articles: PlannedArticle[] = [
    {
      url: founding.article.url,
      title: founding.article.title,
      outlet: founding.article.outlet,
      publishedAt: parsePartialDate(founding.article.publishedAt).date,
      text: input.seedArticleText,
      textScope: "full",
      sourceKind: classifySource({ url: founding.article.url, outlet: founding.article.outlet }).kind,
    },
    ...excerpts.articles(),
  ];
  const textByUrl = new Map(articles.map((article) => [article.url, article.text]));
  return {
    fingerprint: createHash("sha256").update(JSON.stringify(input)).digest("hex"),
    entities: input.entities,
    articles,
    events,
    facts: facts.map((fact) => ({ ...fact, ...locateQuote(textByUrl.get(fact.articleUrl)!, fact.quote, fact.articleUrl) })),
  };
}

function locateQuote(text: string, quote: string, where: string) {
  const quoteStart = text.indexOf(quote);
  if (quoteStart < 0) throw new Error(`quote "${quote}" is not in the text of ${where}`);
  return { quoteStart, quoteEnd: quoteStart + quote.length };
}

/**
 * Curated penalty facts name the authority as subject ("DOJ → Cadence"); Chipwatch keys
 * penalties on the party that pays, so "penalties by company" sums what each company owes.
 */
function orientParties(metric: string, subject: string, object: string | null, resolve: (name: string) => string | undefined, kindOf: Map<string, EntityKind>) {
  let [subjectLabel, objectLabel] = [subject, object];
  const subjectKind = kindOf.get(resolve(subject) ?? "");
  const isPenalty = getMetric(fromLegacyMetric(metric)?.metric ?? "")?.kind === "penalty";
  if (isPenalty && object && (subjectKind === "agency" || subjectKind === "government")) {
    [subjectLabel, objectLabel] = [object, subject];
  }
  return {
    subjectSlug: resolve(subjectLabel) ?? null,
    subjectLabel,
    objectSlug: objectLabel ? (resolve(objectLabel) ?? null) : null,
    objectLabel,
  };
}

function eventEntities(
  companies: string[],
  factEntitySlugs: string[],
  resolve: (name: string) => string | undefined,
  kindOf: Map<string, EntityKind>,
  eventId: string,
): { slug: string; role: EventRole }[] {
  const roles = new Map<string, EventRole>();
  for (const name of companies) {
    const slug = resolve(name);
    if (!slug) throw new Error(`event ${eventId} names unknown company "${name}": add it to entities.json`);
    if (roles.has(slug)) continue;
    const kind = kindOf.get(slug);
    const hasSubject = [...roles.values()].includes("subject");
    roles.set(slug, roleFor(kind, hasSubject));
  }
  // Chips and systems a fact is about belong to the event too ("H20" for the TSMC order).
  for (const slug of factEntitySlugs) {
    if (!roles.has(slug)) roles.set(slug, roleFor(kindOf.get(slug), true));
  }
  return [...roles].map(([slug, role]) => ({ slug, role }));
}

function roleFor(kind: EntityKind | undefined, hasSubject: boolean): EventRole {
  if (kind === "agency" || kind === "government") return "authority";
  if (kind === "chip" || kind === "system") return "product";
  return hasSubject ? "counterparty" : "subject";
}

/** Case-insensitive lookup over canonical names, aliases and slugs. */
export function entityResolver(entities: SeedEntity[]) {
  const byName = new Map<string, string>();
  for (const entity of entities) {
    for (const name of [entity.slug, entity.name, ...entity.aliases]) byName.set(name.toLowerCase(), entity.slug);
  }
  return (name: string) => byName.get(name.trim().toLowerCase());
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/**
 * The title of a page the seed quotes from: the data holds no page titles, so the outlet's name
 * and the page's date ("The Mercury News, 9 Apr 2015"), or "undated" when the page gives none.
 */
export function excerptTitle(url: string, outlet: string, published: string | null): string {
  const name = classifySource({ url, outlet }).name ?? outlet;
  if (!published) return `${name}, undated page`;
  const { date, precision } = parsePartialDate(published);
  return `${name}, ${formatPartialDate(date, precision)}`;
}

/** Gathers, per source URL, the distinct sentences we quote from that page. */
class ExcerptCollector {
  private sources = new Map<string, { outlet: string; published: string | null; excerpts: string[] }>();

  source(url: string, outlet: string, published: string | null) {
    let entry = this.sources.get(url);
    if (!entry) {
      entry = { outlet, published, excerpts: [] };
      this.sources.set(url, entry);
    }
    entry.published ??= published;
    const excerpts = entry.excerpts;
    return {
      add(text: string) {
        if (!excerpts.some((existing) => existing.includes(text))) excerpts.push(text);
      },
    };
  }

  articles(): PlannedArticle[] {
    return [...this.sources].map(([url, entry]) => ({
      url,
      title: excerptTitle(url, entry.outlet, entry.published),
      outlet: entry.outlet,
      publishedAt: entry.published ? parsePartialDate(entry.published).date : null,
      text: entry.excerpts.join(EXCERPT_SEPARATOR),
      textScope: "excerpts",
      sourceKind: classifySource({ url, outlet: entry.outlet }).kind,
    }));
  }
}

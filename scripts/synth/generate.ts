// Synthetic Chipwatch data for benchmarks: deterministic (seeded), realistic in shape — a few
// companies in most events (Zipf), more events in recent years, every event type and every metric
// of the registry, each fact quoting a sentence of its article at the right offsets — and never
// mistakable for real data: every article lives under https://synthetic.chipwatch.invalid/ and
// every name carries a number. Pure: rows out, no I/O.
import { createHash } from "node:crypto";
import { formatQuantity } from "@/lib/metrics/format";
import type { ExtractionKind } from "@/lib/extract/kinds";
import { CONCEPTS, METRIC_KEYS, type MetricDefinition, type MetricKey } from "@/lib/metrics/registry";

export const SYNTHETIC_URL_PREFIX = "https://synthetic.chipwatch.invalid/";
export const SYNTHETIC_OUTLET = "synthetic.chipwatch.invalid";

export type SynthSize = { facts: number; seed: number };

export type EntityRow = { id: number; name: string; slug: string; kind: EntityKind; country: string | null; aliases: string[]; parentId: number | null; vendorId: number | null };
export type ArticleRow = { id: number; url: string; title: string; outlet: string; publishedAt: string; text: string; contentHash: string };
export type EventRow = {
  id: number;
  slug: string;
  title: string;
  type: EventType;
  date: string;
  datePrecision: "day" | "month" | "quarter";
  summary: string;
  claimStatus: "confirmed" | "reported" | "estimate";
  countries: string[];
  sourceArticleId: number;
};
export type EventEntityRow = { eventId: number; entityId: number; role: "subject" | "counterparty" | "authority" | "product" };
export type FactRow = {
  id: number;
  metric: MetricKey;
  value: number;
  valueMax: number | null;
  bound: "exact" | "approx" | "at_least" | "at_most" | "range";
  unit: string;
  subjectId: number;
  subjectLabel: string;
  objectId: number | null;
  objectLabel: string | null;
  date: string;
  datePrecision: "day" | "month" | "quarter";
  articleId: number;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  origin: "curated" | "extracted" | "edited";
  reviewStatus: "pending" | "accepted" | "rejected";
  eventId: number;
};

type EntityKind = "company" | "agency" | "university" | "government" | "chip" | "system";
type EventType = "export_control" | "license" | "entity_listing" | "chip_order" | "stockpile" | "penalty" | "investigation" | "product_launch" | "financial" | "policy" | "other";

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FACTS_PER_EVENT = 10;

/** How many rows of each kind a dataset of `facts` facts has. */
export function datasetShape(facts: number) {
  const events = Math.max(1, Math.round(facts / FACTS_PER_EVENT));
  return { entities: Math.max(120, Math.min(5_000, Math.round(facts / 200))), events, articles: events, facts };
}

const EVENT_TYPES: [EventType, number][] = [
  ["chip_order", 16],
  ["export_control", 12],
  ["entity_listing", 10],
  ["penalty", 9],
  ["product_launch", 14],
  ["financial", 12],
  ["license", 7],
  ["stockpile", 5],
  ["investigation", 6],
  ["policy", 6],
  ["other", 3],
];

// The kinds of figure a report of each type usually states; one fact in five takes any registry
// metric, so every metric occurs.
const TYPICAL_KINDS: Record<EventType, ExtractionKind[]> = {
  chip_order: ["chip_order", "count"],
  export_control: ["export_control"],
  entity_listing: ["export_control"],
  penalty: ["penalty"],
  product_launch: ["spec"],
  financial: ["financial"],
  license: ["export_control", "count"],
  stockpile: ["stockpile"],
  investigation: ["penalty", "other"],
  policy: ["export_control", "investment"],
  other: ["count", "other"],
};
const TYPICAL_METRICS = Object.fromEntries(Object.entries(TYPICAL_KINDS).map(([type, kinds]) => [type, METRIC_KEYS.filter((key) => kinds.includes(CONCEPTS[key].kind))])) as Record<
  EventType,
  MetricKey[]
>;

const COUNTRIES: [string, number][] = [
  ["US", 30],
  ["CN", 34],
  ["TW", 8],
  ["KR", 6],
  ["JP", 6],
  ["NL", 3],
  ["DE", 3],
  ["SG", 4],
  ["MY", 2],
  ["IN", 2],
  ["GB", 2],
];
const KINDS: [EntityKind, number][] = [
  ["company", 70],
  ["chip", 12],
  ["system", 5],
  ["agency", 5],
  ["university", 5],
  ["government", 3],
];
const NAME_A = [
  "Kestrel",
  "Aurora",
  "Meridian",
  "Cobalt",
  "Granite",
  "Harbor",
  "Lumen",
  "Nimbus",
  "Orchid",
  "Pioneer",
  "Quartz",
  "Sable",
  "Tidal",
  "Vertex",
  "Willow",
  "Zenith",
  "Amber",
  "Basalt",
  "Cedar",
  "Delta",
];
const NAME_B: Record<EntityKind, string[]> = {
  company: ["Semiconductor", "Microsystems", "Computing", "Silicon", "Devices", "Cloud", "Foundry", "Technologies"],
  chip: ["X", "A", "N", "P"],
  system: ["Cluster", "Pod", "Rack", "SuperNode"],
  agency: ["Export Bureau", "Trade Office", "Customs Authority"],
  university: ["Institute of Technology", "University"],
  government: ["Ministry of Industry", "State Council Office"],
};

const VERBS: Record<string, string[]> = {
  count: ["reported", "counted", "listed"],
  money: ["disclosed", "agreed to", "reported"],
  default: ["stated", "reported", "announced"],
};

export type SyntheticEvent = { event: EventRow; article: ArticleRow; eventEntities: EventEntityRow[]; facts: FactRow[] };
export type SyntheticDataset = { entities: EntityRow[]; events: () => Generator<SyntheticEvent> };

/**
 * The dataset for a size and seed: the entities, then the events one by one with their article,
 * links and facts (a million facts are never all in memory). The same arguments give the same rows,
 * byte for byte.
 */
export function generateDataset({ facts: factCount, seed }: SynthSize): SyntheticDataset {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const weighted = <T>(items: [T, number][]): T => {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = random() * total;
    for (const [item, w] of items) if ((roll -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  const shape = datasetShape(factCount);

  const entities: EntityRow[] = [];
  const companiesSoFar: EntityRow[] = [];
  for (let id = 1; id <= shape.entities; id++) {
    const kind = id <= 3 ? "company" : weighted(KINDS);
    const base = `${NAME_A[(id * 7) % NAME_A.length]} ${pick(NAME_B[kind])}`;
    const name = kind === "chip" ? `${base}${100 + (id % 900)}` : `${base} ${id}`;
    const companies = companiesSoFar;
    const entity: EntityRow = {
      id,
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-s${id}`,
      kind,
      country: kind === "chip" || kind === "system" ? null : weighted(COUNTRIES),
      aliases: kind === "company" && random() < 0.5 ? [`${NAME_A[(id * 7) % NAME_A.length]} ${id}`, `${name.split(" ")[0]!.slice(0, 3).toUpperCase()}${id}`] : [],
      parentId: kind === "company" && companies.length > 10 && random() < 0.1 ? pick(companies.slice(0, 50)).id : null,
      vendorId: (kind === "chip" || kind === "system") && companies.length ? pick(companies.slice(0, 200)).id : null,
    };
    entities.push(entity);
    if (kind === "company") companiesSoFar.push(entity);
  }
  const byKind = (kind: EntityKind) => entities.filter((e) => e.kind === kind);
  const companies = byKind("company");
  const products = [...byKind("chip"), ...byKind("system")];
  const authorities = [...byKind("agency"), ...byKind("government")];
  const zipfCompany = zipfSampler(companies.length, 1.05, random);

  const start = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  function* events(): Generator<SyntheticEvent> {
    let factId = 0;
    for (let id = 1; id <= shape.events; id++) {
      const type = weighted(EVENT_TYPES);
      // Reporting grows over the decade: density rises linearly with time.
      const date = new Date(start + Math.sqrt(random()) * span).toISOString().slice(0, 10);
      const precision = weighted<"day" | "month" | "quarter">([
        ["day", 80],
        ["month", 15],
        ["quarter", 5],
      ]);
      const subject = companies[zipfCompany()]!;
      const participants: EventEntityRow[] = [{ eventId: id, entityId: subject.id, role: "subject" }];
      if (random() < 0.5) {
        const other = companies[zipfCompany()]!;
        if (other.id !== subject.id) participants.push({ eventId: id, entityId: other.id, role: "counterparty" });
      }
      if (authorities.length && (type === "export_control" || type === "entity_listing" || type === "penalty" || type === "license" || random() < 0.2)) {
        participants.push({ eventId: id, entityId: pick(authorities).id, role: "authority" });
      }
      const product = products.length && (type === "product_launch" || type === "chip_order" || random() < 0.15) ? pick(products) : null;
      if (product) participants.push({ eventId: id, entityId: product.id, role: "product" });
      const countries = [...new Set(participants.map((p) => entities[p.entityId - 1]!.country).filter((c): c is string => c !== null))].sort();
      const title = `${subject.name}: ${type.replace(/_/g, " ")} report ${id}`;

      // The source article: one sentence per fact, each fact quoting its sentence.
      const sentences: string[] = [`${title}. This is synthetic benchmark text, not news.`];
      let offset = sentences[0]!.length + 1;
      // Facts spread evenly, adding up to exactly the requested number.
      const eventFacts = Math.floor((factCount * id) / shape.events) - Math.floor((factCount * (id - 1)) / shape.events);
      const facts: FactRow[] = [];
      for (let n = 0; n < eventFacts; n++) {
        const metric = random() < 0.8 ? pick(TYPICAL_METRICS[type]) : pick(METRIC_KEYS);
        const definition: MetricDefinition = CONCEPTS[metric];
        const value = syntheticValue(definition.unit, random);
        const bound = weighted<FactRow["bound"]>([
          ["exact", 60],
          ["approx", 20],
          ["at_least", 12],
          ["at_most", 5],
          ["range", 3],
        ]);
        const valueMax = bound === "range" ? roundLike(value * (1.1 + random()), definition.unit) : null;
        const isSpec = definition.spec || definition.relative;
        const factSubject = isSpec && product ? product : subject;
        const object = definition.relative && products.length ? pick(products) : null;
        const verb = pick(VERBS[definition.dimension] ?? VERBS.default!);
        const stated = formatQuantity({ value, valueMax, unit: definition.unit, bound });
        const quote = `${factSubject.name} ${verb} ${definition.label.toLowerCase()} of ${stated}${object ? ` against ${object.name}` : ""}.`;
        facts.push({
          id: ++factId,
          metric,
          value,
          valueMax,
          bound,
          unit: definition.unit,
          subjectId: factSubject.id,
          subjectLabel: factSubject.name,
          objectId: object?.id ?? null,
          objectLabel: object?.name ?? null,
          date,
          datePrecision: precision,
          articleId: id,
          quote,
          quoteStart: offset,
          quoteEnd: offset + quote.length,
          origin: weighted<FactRow["origin"]>([
            ["extracted", 80],
            ["curated", 15],
            ["edited", 5],
          ]),
          reviewStatus: weighted<FactRow["reviewStatus"]>([
            ["accepted", 93],
            ["pending", 5],
            ["rejected", 2],
          ]),
          eventId: id,
        });
        sentences.push(quote);
        offset += quote.length + 1;
      }
      const text = sentences.join(" ");
      const article: ArticleRow = {
        id,
        url: `${SYNTHETIC_URL_PREFIX}articles/${id}`,
        title,
        outlet: SYNTHETIC_OUTLET,
        publishedAt: date,
        text,
        contentHash: createHash("sha256").update(text).digest("hex"),
      };
      const event: EventRow = {
        id,
        slug: `synthetic-event-${id}`,
        title,
        type,
        date,
        datePrecision: precision,
        summary: `Synthetic ${type.replace(/_/g, " ")} event involving ${participants.map((p) => entities[p.entityId - 1]!.name).join(", ")}.`,
        claimStatus: weighted<EventRow["claimStatus"]>([
          ["reported", 60],
          ["confirmed", 30],
          ["estimate", 10],
        ]),
        countries,
        sourceArticleId: id,
      };
      yield { event, article, eventEntities: participants, facts };
    }
  }
  return { entities, events };
}

/** Indexes 0..n-1 with probability ∝ 1/(i+1)^s: a few companies dominate the news. */
function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) cumulative.push((total += 1 / Math.pow(i + 1, s)));
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const VALUE_RANGES: Record<string, [number, number]> = {
  units: [1_000, 500_000],
  USD: [100_000, 5_000_000_000],
  count: [1, 500],
  months: [1, 36],
  years: [1, 10],
  year: [2010, 2025],
  days: [30, 365],
  nm: [2, 28],
  percent: [1, 60],
  ratio: [0.3, 3],
  PFLOPS: [0.1, 400],
  GB: [16, 50_000],
  "TB/s": [1, 1_000],
  "GB/s": [100, 20_000],
  W: [150, 1_200],
  kW: [10, 600],
  mm2: [100, 900],
};

/** A plausible value for the unit: log-uniform within its usual range, rounded as reporters do. */
function syntheticValue(unit: string, random: () => number): number {
  const [lo, hi] = VALUE_RANGES[unit] ?? [1, 1_000];
  return roundLike(unit === "year" ? lo + random() * (hi - lo) : Math.exp(Math.log(lo) + random() * (Math.log(hi) - Math.log(lo))), unit);
}

function roundLike(value: number, unit: string): number {
  if (unit === "ratio" || unit === "PFLOPS" || unit === "TB/s") return Math.round(value * 100) / 100;
  if (value < 100) return Math.round(value);
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

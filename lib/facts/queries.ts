// Typed reads of facts: the numbers, each with the sentence and source that state it.
import { readDb } from "@/lib/db";
import { isoDay } from "@/lib/events/partial-date";
import { factSourceCondition, type EventScope } from "@/lib/filters/scope";
import { hasFilters } from "@/lib/filters/state";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Bound, SourceKind } from "@/lib/generated/prisma/enums";
import type { Quantity, UsdValue } from "@/lib/metrics/format";
import { familyUnit, HEADLINES, metricsInFamily, relativeMetrics, specMetrics, type MetricFamily } from "@/lib/metrics/registry";
import { sumToQuantity, type FigureSum } from "@/lib/metrics/sum";
import { cachedByDataVersion } from "@/lib/cache/query-cache";
import { FACT_FIGURE_SELECT, figureAmount, type FigureRow } from "@/lib/facts/figure";

export type SourcedFact = {
  id: number;
  metric: string;
  qualifiers: Record<string, string>;
  value: number;
  valueMax: number | null;
  unit: string;
  bound: Bound;
  usd: UsdValue | null;
  subject: string | null;
  object: string | null;
  quote: string;
  article: { id: number; url: string | null; outlet: string | null; sourceKind: SourceKind | null; publishedAt: string | null };
};

/**
 * Specification facts (absolute and relative) about the given chips or systems, for comparing
 * them. Relative facts are kept only when their baseline is one of the compared entities.
 */
async function listSpecFactsForFromDatabase(entitySlugs: string[]): Promise<SourcedFact[]> {
  // Ids first: a filter on the joined entity's slug let PostgreSQL join all facts to entities.
  const ids = await entityIds(entitySlugs);
  const facts = await readDb.fact.findMany({
    where: {
      reviewStatus: "accepted",
      subjectId: { in: ids },
      OR: [{ metric: { in: specMetrics() } }, { metric: { in: relativeMetrics() }, objectId: { in: ids } }],
    },
    orderBy: [{ metric: "asc" }, { id: "asc" }],
    select: SOURCED_FACT_SELECT,
  });
  return facts.map(toSourcedFact);
}

async function entityIds(slugs: string[]): Promise<number[]> {
  const rows = await readDb.entity.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  return rows.map((row) => row.id);
}

// The columns behind a SourcedFact, and their conversion to plain, serialisable values.
const SOURCED_FACT_SELECT = {
  id: true,
  ...FACT_FIGURE_SELECT,
  quote: true,
  subject: { select: { slug: true } },
  object: { select: { slug: true } },
  article: { select: { id: true, url: true, outlet: true, sourceKind: true, publishedAt: true } },
} as const;

type SourcedFactRow = Prisma.FactGetPayload<{ select: typeof SOURCED_FACT_SELECT }>;

function toSourcedFact(fact: SourcedFactRow): SourcedFact {
  return {
    id: fact.id,
    metric: fact.metric,
    qualifiers: toQualifiers(fact.qualifiers),
    value: Number(fact.value),
    valueMax: fact.valueMax === null ? null : Number(fact.valueMax),
    unit: fact.unit,
    bound: fact.bound,
    usd: toUsdValue(fact.usdValue, fact.usdValueMax, fact.usdRate, fact.usdRateMonth),
    subject: fact.subject?.slug ?? null,
    object: fact.object?.slug ?? null,
    quote: fact.quote,
    article: { ...fact.article, publishedAt: fact.article.publishedAt ? isoDay(fact.article.publishedAt) : null },
  };
}

/** A money fact's US-dollar columns as one value, or null when no rate converted it. */
export function toUsdValue(value: Prisma.Decimal | null, valueMax: Prisma.Decimal | null, rate: Prisma.Decimal | null, month: Date | null): UsdValue | null {
  if (value === null || rate === null) return null;
  return { value: Number(value), valueMax: valueMax === null ? null : Number(valueMax), rate: Number(rate), month: month ? isoDay(month) : null };
}

export function toQualifiers(json: Prisma.JsonValue): Record<string, string> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

type RawSum = {
  min: Prisma.Decimal | null;
  max: Prisma.Decimal | null;
  has_lower_bound: boolean | null;
  has_upper_bound: boolean | null;
  has_approx: boolean | null;
  count: bigint;
  unconverted: bigint | null;
  currencies: string | null;
};

/**
 * One figure per event and subject for a metric family on the events in scope: when several
 * sources report the same event's figure (the seed article and the court filing both say "$140
 * million"), it counts once, as the range of what was reported. The figures are kept by triggers
 * in `event_figures` (migration 20261129040000_event_figures), so this reads one row per event
 * instead of grouping every accepted fact.
 */
function familyFigures(scope: EventScope, family: MetricFamily, attribution: "attributed" | "others" = "attributed") {
  const columns = Prisma.sql`ef.event_id, ef.subject_id, ef.subject_label, ef.object_ids, ef.currencies, ef.date, ef.lo, ef.hi, ef.lower_bound, ef.upper_bound, ef.approx, ef.unconverted`;
  // Unfiltered, the events table has nothing to add: the family's rows alone, from its index.
  if (!hasFilters(scope.filters)) {
    if (attribution === "others") return Prisma.sql`SELECT ${columns} FROM event_figures ef WHERE FALSE`;
    return Prisma.sql`SELECT ${columns} FROM event_figures ef WHERE ef.family = ${family}`;
  }
  const attributed = attributedTo(scope);
  // Only what sources of the chosen kinds state: the figures are computed from those facts alone
  // (by the same SQL function that keeps event_figures), for the events in scope.
  const figures = scope.filters.sources.length
    ? Prisma.sql`event_figures_of(ARRAY(SELECT e.id FROM events e WHERE ${scope.where}), ${scope.filters.sources}::"SourceKind"[])`
    : Prisma.sql`event_figures`;
  return Prisma.sql`
    SELECT ${columns}
    FROM ${figures} ef
    JOIN events e ON e.id = ef.event_id
    WHERE ${scope.where} AND ef.family = ${family} AND ${attribution === "attributed" ? attributed : Prisma.sql`NOT (${attributed})`}`;
}

/**
 * Under a company filter, a figure is the company's only when the company is its actor (buyer,
 * payer, holder) or counterparty (supplier, authority), as `role` asks; the other figures of the
 * events involving it belong to their own companies.
 */
function attributedTo(scope: EventScope): Prisma.Sql {
  if (!scope.filters.companies.length) return Prisma.sql`TRUE`;
  const ids = scope.entityIds;
  const actor = Prisma.sql`ef.subject_id = ANY(${ids}::int[])`;
  const counterparty = Prisma.sql`ef.object_ids && ${ids}::int[]`;
  if (scope.filters.role === "actor") return actor;
  if (scope.filters.role === "counterparty") return counterparty;
  return Prisma.sql`(${actor} OR ${counterparty})`;
}

const SUM_COLUMNS = Prisma.sql`
  sum(lo) AS min, sum(hi) AS max, bool_or(lower_bound) AS has_lower_bound,
  bool_or(upper_bound) AS has_upper_bound, bool_or(approx) AS has_approx, count(*) AS count,
  count(*) FILTER (WHERE unconverted) AS unconverted,
  string_agg(array_to_string(currencies, ','), ',') AS currencies`;

function toFigureSum(row: RawSum | undefined): FigureSum {
  return {
    min: Number(row?.min ?? 0),
    max: Number(row?.max ?? 0),
    hasLowerBound: row?.has_lower_bound ?? false,
    hasUpperBound: row?.has_upper_bound ?? false,
    hasApprox: row?.has_approx ?? false,
    count: Number(row?.count ?? 0),
  };
}

/** What a money total is made of beyond US dollars, so a page can say so. */
export type Conversion = { convertedFrom: string[]; unconverted: number };

function toConversion(row: RawSum | undefined): Conversion {
  const currencies = new Set((row?.currencies ?? "").split(",").filter((code) => code && code !== familyUnitOfMoney));
  return { convertedFrom: [...currencies].sort(), unconverted: Number(row?.unconverted ?? 0) };
}
const familyUnitOfMoney = familyUnit("penalty");

export type HeadlineFigure = Quantity & Conversion & { count: number; label: string; rule: string };

export type HeadlineNumbers = {
  events: number;
  companies: number;
  penalties: HeadlineFigure;
  chipsOrdered: HeadlineFigure;
  chipsStockpiled: HeadlineFigure;
};

/** The overview's headline numbers for the events in scope, all computed in SQL. */
async function getHeadlineNumbersFromDatabase(scope: EventScope): Promise<HeadlineNumbers> {
  const familySum = async (family: MetricFamily): Promise<HeadlineFigure> => {
    const [row] = await readDb.$queryRaw<RawSum[]>(Prisma.sql`SELECT ${SUM_COLUMNS} FROM (${familyFigures(scope, family)}) figures`);
    const sum = toFigureSum(row);
    return { ...sumToQuantity(sum, familyUnit(family)), ...toConversion(row), count: sum.count, label: HEADLINES[family].label, rule: HEADLINES[family].rule };
  };
  const [[counts], penalties, chipsOrdered, chipsStockpiled] = await Promise.all([
    readDb.$queryRaw<{ events: bigint; companies: bigint }[]>(Prisma.sql`
      WITH scoped AS (SELECT e.id FROM events e WHERE ${scope.where})
      SELECT (SELECT count(*) FROM scoped) AS events,
             ${
               hasFilters(scope.filters)
                 ? // The distinct entities first (hashed), then which are companies: count(DISTINCT)
                   // sorts every link of the scope and looks up each one's entity (at 1M facts with
                   // the busiest company, 60,000 links, the two counts took 85–115 ms, this way 38–44 ms).
                   Prisma.sql`(SELECT count(*)
                   FROM (SELECT DISTINCT ee.entity_id FROM scoped JOIN event_entities ee ON ee.event_id = scoped.id) linked
                   JOIN entities en ON en.id = linked.entity_id AND en.kind = 'company')`
                 : // Unfiltered: one index probe per company instead of a pass over every event link.
                   Prisma.sql`(SELECT count(*) FROM entities en
                   WHERE en.kind = 'company' AND EXISTS (SELECT 1 FROM event_entities ee WHERE ee.entity_id = en.id))`
             } AS companies`),
    familySum("penalty"),
    familySum("chips_ordered"),
    familySum("stockpile"),
  ]);
  return { events: Number(counts?.events ?? 0), companies: Number(counts?.companies ?? 0), penalties, chipsOrdered, chipsStockpiled };
}

export type CompanyTotal = { slug: string | null; name: string; total: Quantity; events: number } & Conversion;

/** Orders, stockpiles or penalties summed per company (the party that ordered, holds or pays). */
async function listTotalsByCompanyFromDatabase(scope: EventScope, family: MetricFamily, limit = 12): Promise<CompanyTotal[]> {
  const rows = await readDb.$queryRaw<(RawSum & { slug: string | null; name: string })[]>(Prisma.sql`
    SELECT en.slug, coalesce(en.name, figures.subject_label) AS name, ${SUM_COLUMNS}
    FROM (${familyFigures(scope, family)}) figures
    LEFT JOIN entities en ON en.id = figures.subject_id
    GROUP BY en.slug, coalesce(en.name, figures.subject_label)
    ORDER BY sum(hi) DESC NULLS LAST, name
    LIMIT ${limit}`);
  return rows.map((row) => {
    const sum = toFigureSum(row);
    return { slug: row.slug, name: row.name, total: sumToQuantity(sum, familyUnit(family)), events: sum.count, ...toConversion(row) };
  });
}

export type FactBucket = { bucket: string; total: Quantity; events: number };
export type BucketSize = "quarter" | "year";

/** A numeric series over time for the timeline overlay, bucketed in SQL. */
async function listFamilyBucketsFromDatabase(scope: EventScope, family: MetricFamily, size: BucketSize): Promise<FactBucket[]> {
  const rows = await readDb.$queryRaw<(RawSum & { bucket: Date })[]>(Prisma.sql`
    SELECT date_trunc(${size}, figures.date)::date AS bucket, ${SUM_COLUMNS}
    FROM (${familyFigures(scope, family)}) figures
    GROUP BY 1
    ORDER BY 1`);
  return rows.map((row) => {
    const sum = toFigureSum(row);
    return { bucket: isoDay(row.bucket), total: sumToQuantity(sum, familyUnit(family)), events: sum.count };
  });
}

/**
 * Accepted facts whose subject is this entity, newest first, each with its quote and source. In
 * SQL with the literal status, so PostgreSQL walks the partial index on (subject, date, id) and
 * stops after `limit` rows (a million-fact company page reads a hundred rows, not all of them).
 */
async function listFactsAboutFromDatabase(entitySlug: string, limit = 100): Promise<(SourcedFact & { event: { id: number; title: string } | null; date: string | null })[]> {
  const rows = await readDb.$queryRaw<
    (RawFigure & {
      id: number;
      quote: string;
      date: Date | null;
      subject: string | null;
      object: string | null;
      article_id: number;
      url: string | null;
      outlet: string | null;
      source_kind: SourceKind | null;
      published_at: Date | null;
      event_id: number | null;
      event_title: string | null;
    })[]
  >(Prisma.sql`
    SELECT f.id, f.metric, f.qualifiers, f.value, f.value_max, f.unit, f.bound::text AS bound,
           f.usd_value, f.usd_value_max, f.usd_rate, f.usd_rate_month, f.quote, f.date,
           s.slug AS subject, o.slug AS object, a.id AS article_id, a.url, a.outlet, a.source_kind::text AS source_kind, a.published_at,
           ev.id AS event_id, ev.title AS event_title
    FROM facts f
    JOIN entities s ON s.id = f.subject_id
    LEFT JOIN entities o ON o.id = f.object_id
    JOIN articles a ON a.id = f.article_id
    LEFT JOIN events ev ON ev.id = f.event_id
    WHERE f.subject_id = (SELECT id FROM entities WHERE slug = ${entitySlug}) AND f.review_status = 'accepted'
    ORDER BY f.date DESC NULLS LAST, f.id
    LIMIT ${limit}`);
  return rows.map((row) => ({
    id: row.id,
    metric: row.metric,
    qualifiers: toQualifiers(row.qualifiers),
    value: Number(row.value),
    valueMax: row.value_max === null ? null : Number(row.value_max),
    unit: row.unit,
    bound: row.bound,
    usd: toUsdValue(row.usd_value, row.usd_value_max, row.usd_rate, row.usd_rate_month),
    subject: row.subject,
    object: row.object,
    quote: row.quote,
    article: { id: row.article_id, url: row.url, outlet: row.outlet, sourceKind: row.source_kind, publishedAt: row.published_at ? isoDay(row.published_at) : null },
    date: row.date ? isoDay(row.date) : null,
    event: row.event_id === null ? null : { id: row.event_id, title: row.event_title ?? "" },
  }));
}

export type FigureSource = {
  company: string;
  factId: number;
  articleId: number;
  outlet: string | null;
  url: string | null;
  sourceKind: SourceKind | null;
  published: string | null;
  quote: string;
  /** The figure as stated, with its US-dollar value and rate for money in another currency. */
  amount: string;
};

/**
 * The facts behind listTotalsByCompany for the given bars (a known entity by slug, else a subject
 * label), at most `perCompany` each, for exports that print or list their sources. Each bar's
 * facts are looked up on their own (index on metric and subject), first ones first.
 */
async function listFamilySourcesFromDatabase(scope: EventScope, family: MetricFamily, bars: { slug: string | null; name: string }[], perCompany = 25): Promise<FigureSource[]> {
  const slugs = bars.flatMap((bar) => (bar.slug ? [bar.slug] : []));
  const labels = bars.flatMap((bar) => (bar.slug ? [] : [bar.name]));
  const rows = await readDb.$queryRaw<
    ({
      company: string;
      fact_id: number;
      article_id: number;
      outlet: string | null;
      url: string | null;
      source_kind: SourceKind | null;
      published_at: Date | null;
      quote: string;
    } & RawFigure)[]
  >(Prisma.sql`
    SELECT bar.company, f.id AS fact_id, a.id AS article_id, a.outlet, a.url, a.source_kind::text AS source_kind, a.published_at, f.quote,
           f.metric, f.qualifiers, f.value, f.value_max, f.unit, f.bound::text AS bound, f.usd_value, f.usd_value_max, f.usd_rate, f.usd_rate_month
    FROM (
      SELECT en.id AS subject_id, NULL::text AS label, en.name AS company FROM entities en WHERE en.slug = ANY(${slugs}::text[])
      UNION ALL
      SELECT NULL, label, label FROM unnest(${labels}::text[]) AS label
    ) bar
    CROSS JOIN LATERAL (
      SELECT f.*
      FROM facts f
      JOIN events e ON e.id = f.event_id
      WHERE (f.subject_id = bar.subject_id OR (bar.subject_id IS NULL AND f.subject_id IS NULL AND f.subject_label = bar.label))
        AND ${scope.where}
        AND f.review_status = 'accepted'
        AND f.metric = ANY(${metricsInFamily(family)}::text[])
        AND f.status::text = ANY(${[...HEADLINES[family].statuses]}::text[])
        AND ${factSourceCondition(scope.filters)}
      ORDER BY f.id
      LIMIT ${perCompany}
    ) f
    JOIN articles a ON a.id = f.article_id
    ORDER BY bar.company, f.id`);
  return rows.map((row) => ({
    company: row.company,
    factId: row.fact_id,
    articleId: row.article_id,
    outlet: row.outlet,
    url: row.url,
    sourceKind: row.source_kind,
    published: row.published_at ? isoDay(row.published_at) : null,
    quote: row.quote,
    amount: figureAmount(fromRawFigure(row)),
  }));
}

/** A fact's figure columns as raw SQL returns them (snake case). */
type RawFigure = {
  metric: string;
  qualifiers: Prisma.JsonValue;
  value: Prisma.Decimal;
  value_max: Prisma.Decimal | null;
  unit: string;
  bound: Bound;
  usd_value: Prisma.Decimal | null;
  usd_value_max: Prisma.Decimal | null;
  usd_rate: Prisma.Decimal | null;
  usd_rate_month: Date | null;
};

function fromRawFigure(row: RawFigure): FigureRow {
  return {
    metric: row.metric,
    qualifiers: row.qualifiers,
    value: row.value,
    valueMax: row.value_max,
    unit: row.unit,
    bound: row.bound,
    usdValue: row.usd_value,
    usdValueMax: row.usd_value_max,
    usdRate: row.usd_rate,
    usdRateMonth: row.usd_rate_month,
  };
}

export type RelatedFigure = { family: MetricFamily; eventId: number; eventTitle: string; company: string; slug: string | null; total: Quantity } & Conversion;

/**
 * Under a company filter: figures of the events involving the company that are not the
 * company's own (it is neither their actor nor their counterparty, as `role` asks), each with
 * the company it belongs to — "Penalties: Seagate $300M" in an event about shipments to Huawei.
 */
async function listRelatedFiguresFromDatabase(scope: EventScope, limit = 20): Promise<RelatedFigure[]> {
  if (!scope.filters.companies.length) return [];
  const families = Object.keys(HEADLINES) as MetricFamily[];
  const perFamily = await Promise.all(
    families.map(async (family) => {
      const rows = await readDb.$queryRaw<(RawSum & { event_id: number; title: string; slug: string | null; name: string })[]>(Prisma.sql`
        SELECT figures.event_id, ev.title, en.slug, coalesce(en.name, figures.subject_label) AS name, ${SUM_COLUMNS}
        FROM (${familyFigures(scope, family, "others")}) figures
        JOIN events ev ON ev.id = figures.event_id
        LEFT JOIN entities en ON en.id = figures.subject_id
        GROUP BY figures.event_id, ev.title, en.slug, coalesce(en.name, figures.subject_label)
        ORDER BY sum(hi) DESC NULLS LAST
        LIMIT ${limit}`);
      return rows.map((row) => ({
        family,
        eventId: row.event_id,
        eventTitle: row.title,
        company: row.name,
        slug: row.slug,
        total: sumToQuantity(toFigureSum(row), familyUnit(family)),
        ...toConversion(row),
      }));
    }),
  );
  return perFamily.flat();
}

// Cached per data version (lib/cache/query-cache.ts): pages and images repeat these reads.
export const listSpecFactsFor = cachedByDataVersion("listSpecFactsFor", listSpecFactsForFromDatabase);
export const getHeadlineNumbers = cachedByDataVersion("getHeadlineNumbers", getHeadlineNumbersFromDatabase);
export const listTotalsByCompany = cachedByDataVersion("listTotalsByCompany", listTotalsByCompanyFromDatabase);
export const listFamilyBuckets = cachedByDataVersion("listFamilyBuckets", listFamilyBucketsFromDatabase);
export const listFactsAbout = cachedByDataVersion("listFactsAbout", listFactsAboutFromDatabase);
export const listFamilySources = cachedByDataVersion("listFamilySources", listFamilySourcesFromDatabase);
export const listRelatedFigures = cachedByDataVersion("listRelatedFigures", listRelatedFiguresFromDatabase);

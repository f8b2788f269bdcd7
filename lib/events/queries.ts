// Typed reads of events under the shared filters. One SQL query per widget; rows come back
// chart-shaped, numbers converted from Postgres types explicitly.
import { readDb } from "@/lib/db";
import { isoDay } from "@/lib/events/partial-date";
import type { EventScope } from "@/lib/filters/scope";
import { searchRankJoin, searchRankSql, searchSnippetSql } from "@/lib/filters/scope";
import { toQualifiers, toUsdValue } from "@/lib/facts/queries";
import type { UsdValue } from "@/lib/metrics/format";
import { FACT_FIGURE_SELECT } from "@/lib/facts/figure";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Bound, DatePrecision, EventRole, EventType, SourceKind } from "@/lib/generated/prisma/enums";
import { cachedByDataVersion } from "@/lib/cache/query-cache";
import { MATCH_WINDOW_DAYS, type CandidateEvent } from "@/lib/events/matching";

export type KeyFigure = {
  metric: string;
  qualifiers?: Record<string, string>;
  /** For money in another currency: its US-dollar value and the rate used. */
  usd?: UsdValue | null;
  value: number;
  valueMax: number | null;
  unit: string;
  bound: Bound;
  quote: string;
  factId: number;
  articleId: number;
  url: string | null;
};

export type TimelineEventRow = {
  id: number;
  slug: string;
  title: string;
  type: EventType;
  date: string;
  datePrecision: DatePrecision;
  outlet: string | null;
  sourceUrl: string | null;
  sourceKind: SourceKind | null;
  sourcePublished: string | null;
  keyFigure: KeyFigure | null;
  /** On the timeline with two or more companies chosen: the slugs of those this event involves. */
  involves?: string[];
  /** On the timeline: what decides which events get a label (see layoutTimeline). */
  label?: { pin: boolean | null; facts: number; sources: number };
};

type RawKeyFigure = {
  fact_id: number | null;
  fact_article_id: number | null;
  fact_url: string | null;
  quote: string | null;
  metric: string | null;
  qualifiers: Prisma.JsonValue | null;
  value: Prisma.Decimal | null;
  value_max: Prisma.Decimal | null;
  unit: string | null;
  bound: Bound | null;
  usd_value: Prisma.Decimal | null;
  usd_value_max: Prisma.Decimal | null;
  usd_rate: Prisma.Decimal | null;
  usd_rate_month: Date | null;
};

// The first accepted fact of an event stands for it in lists and tooltips.
const KEY_FIGURE_JOIN = Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT f.id AS fact_id, f.article_id AS fact_article_id, fa.url AS fact_url, f.quote,
           f.metric, f.qualifiers, f.value, f.value_max, f.unit, f.bound::text AS bound,
           f.usd_value, f.usd_value_max, f.usd_rate, f.usd_rate_month
    FROM facts f
    JOIN articles fa ON fa.id = f.article_id
    WHERE f.event_id = e.id AND f.review_status = 'accepted'
    ORDER BY f.id
    LIMIT 1
  ) kf ON true`;

// An event row with its source article and key figure, as both event queries select it.
const EVENT_COLUMNS = Prisma.sql`
  e.id, e.slug, e.title, e.type::text AS type, e.date, e.date_precision::text AS date_precision,
  a.outlet, a.url, a.source_kind::text AS source_kind, a.id AS article_id, a.published_at, kf.*`;

type RawEventRow = RawKeyFigure & {
  id: number;
  slug: string;
  title: string;
  type: EventType;
  date: Date;
  date_precision: DatePrecision;
  outlet: string | null;
  url: string | null;
  source_kind: SourceKind | null;
  article_id: number | null;
  published_at: Date | null;
};

function toTimelineRow(row: RawEventRow): TimelineEventRow {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    type: row.type,
    date: isoDay(row.date),
    datePrecision: row.date_precision,
    outlet: row.outlet,
    sourceUrl: row.url,
    sourceKind: row.source_kind,
    sourcePublished: row.published_at ? isoDay(row.published_at) : null,
    keyFigure: toKeyFigure(row),
  };
}

/**
 * The most marks a timeline draws. Beyond it the chart shows the latest events in scope and says
 * how many there are in all: a page costs what it shows, not what is stored.
 */
export const TIMELINE_MAX_MARKS = 300;

/** The latest events matching the filters (at most `limit`), oldest first, and how many match. */
async function listTimelineEventsFromDatabase(scope: EventScope, limit = TIMELINE_MAX_MARKS): Promise<{ rows: TimelineEventRow[]; total: number }> {
  const chosen = scope.filters.companies;
  // Which of the chosen companies each event involves (itself, or a subsidiary when those are
  // included), so two or more companies can be told apart on the chart.
  const involves =
    chosen.length >= 2
      ? Prisma.sql`coalesce((SELECT array_agg(DISTINCT c.slug ORDER BY c.slug) FROM event_entities ee
                      JOIN entities en ON en.id = ee.entity_id
                      JOIN entities c ON c.slug = ANY(${chosen}::text[])
                        AND (en.id = c.id OR (${scope.filters.includeSubsidiaries} AND en.parent_id = c.id))
                      WHERE ee.event_id = e.id), '{}')`
      : Prisma.sql`'{}'::text[]`;
  const [rows, [count]] = await Promise.all([
    readDb.$queryRaw<(RawEventRow & { involves: string[]; label_pin: boolean | null; fact_count: number; source_count: number })[]>(Prisma.sql`
      SELECT ${EVENT_COLUMNS}, ${involves} AS involves, e.label_pin,
        (SELECT count(*)::int FROM facts f WHERE f.event_id = e.id AND f.review_status = 'accepted') AS fact_count,
        (SELECT count(*)::int FROM (SELECT f.article_id FROM facts f WHERE f.event_id = e.id AND f.review_status = 'accepted'
                                    UNION SELECT e.source_article_id WHERE e.source_article_id IS NOT NULL) s) AS source_count
      FROM (SELECT * FROM events e WHERE ${scope.where} ORDER BY e.date DESC, e.id DESC LIMIT ${limit}) e
      LEFT JOIN articles a ON a.id = e.source_article_id
      ${KEY_FIGURE_JOIN}
      ORDER BY e.date, e.id`),
    readDb.$queryRaw<{ total: bigint }[]>(Prisma.sql`SELECT count(*) AS total FROM events e WHERE ${scope.where}`),
  ]);
  return {
    rows: rows.map((row) => ({ ...toTimelineRow(row), involves: row.involves, label: { pin: row.label_pin, facts: row.fact_count, sources: row.source_count } })),
    total: Number(count?.total ?? 0),
  };
}

export type EventListSort = "date" | "title" | "type";

export type EventListRow = TimelineEventRow & {
  companies: string[];
  source: { url: string | null; outlet: string | null; sourceKind: SourceKind | null; articleId: number | null };
  /** With a search: the passage that matched, its matched words between \u0001 and \u0002. */
  snippet: string | null;
};

type EventListOptions = { sort: EventListSort | "relevance"; direction: "asc" | "desc"; page: number; pageSize: number };

/** One page of the events table, sorted, with the total for the pager. */
async function listEventsPageFromDatabase(scope: EventScope, options: EventListOptions): Promise<{ rows: EventListRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    listEventRowsFromDatabase(scope, options),
    readDb.$queryRaw<{ total: bigint }[]>(Prisma.sql`SELECT count(*) AS total FROM events e WHERE ${scope.where}`),
  ]);
  return { rows, total: Number(count?.total ?? 0) };
}

/**
 * One page of events, sorted, without counting them all (the latest events, the feed): at 10M
 * facts counting a million events cost more than choosing the page.
 */
async function listEventRowsFromDatabase(scope: EventScope, options: EventListOptions): Promise<EventListRow[]> {
  const direction = options.direction === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const relevance = options.sort === "relevance" && scope.filters.q ? scope.filters.q : null;
  const orderBy = relevance
    ? Prisma.sql`search_rank DESC, e.date DESC, e.id DESC`
    : options.sort === "title"
      ? Prisma.sql`lower(e.title) COLLATE "C" ${direction}, e.id`
      : options.sort === "type"
        ? Prisma.sql`e.type::text ${direction}, e.date DESC, e.id`
        : Prisma.sql`e.date ${direction}, e.id ${direction}`;
  // The page is chosen first; its source, key figure and companies are looked up for its rows only.
  const rows = await readDb.$queryRaw<(RawEventRow & { companies: string[]; snippet: string | null })[]>(Prisma.sql`
      SELECT ${EVENT_COLUMNS},
             ${scope.filters.q ? searchSnippetSql(scope.filters.q) : Prisma.sql`NULL::text`} AS snippet,
             coalesce((SELECT array_agg(en.name ORDER BY ee.role, en.name) FROM event_entities ee
                       JOIN entities en ON en.id = ee.entity_id
                       WHERE ee.event_id = e.id AND en.kind NOT IN ('chip', 'system')), '{}') AS companies
      FROM (SELECT e.*${relevance ? Prisma.sql`, ${searchRankSql(relevance)} AS search_rank` : Prisma.empty}
            FROM events e ${relevance ? searchRankJoin(relevance) : Prisma.empty}
            WHERE ${scope.where} ORDER BY ${orderBy} LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}) e
      LEFT JOIN articles a ON a.id = e.source_article_id
      ${KEY_FIGURE_JOIN}
      ORDER BY ${orderBy}`);
  return rows.map((row) => ({
    ...toTimelineRow(row),
    companies: row.companies,
    source: { url: row.url, outlet: row.outlet, sourceKind: row.source_kind, articleId: row.article_id },
    snippet: row.snippet,
  }));
}

export type LatestEvent = {
  id: number;
  title: string;
  type: EventType;
  date: string;
  datePrecision: DatePrecision;
  source: { url: string | null; outlet: string | null; sourceKind: SourceKind | null } | null;
  entities: string[];
};

export async function listLatestEvents(scope: EventScope, limit = 8): Promise<LatestEvent[]> {
  const rows = await listEventRows(scope, { sort: "date", direction: "desc", page: 1, pageSize: limit });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    type: row.type,
    date: row.date,
    datePrecision: row.datePrecision,
    source: row.source.url || row.source.outlet ? { url: row.source.url, outlet: row.source.outlet, sourceKind: row.source.sourceKind } : null,
    entities: row.companies,
  }));
}

/** An event with all its facts (quotes, sources) and entities. */
async function getEventDetailFromDatabase(id: number) {
  const event = await readDb.event.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      type: true,
      date: true,
      datePrecision: true,
      summary: true,
      claimStatus: true,
      countries: true,
      labelPin: true,
      sourceArticle: { select: { id: true, url: true, outlet: true, sourceKind: true, title: true, textScope: true, text: true } },
      entities: { select: { role: true, entity: { select: { slug: true, name: true, kind: true } } }, orderBy: { role: "asc" } },
      facts: {
        where: { reviewStatus: "accepted" },
        orderBy: [{ articleId: "asc" }, { quoteStart: "asc" }],
        select: {
          id: true,
          ...FACT_FIGURE_SELECT,
          quote: true,
          subjectLabel: true,
          objectLabel: true,
          subject: { select: { slug: true, name: true } },
          object: { select: { slug: true, name: true } },
          article: { select: { id: true, url: true, outlet: true, sourceKind: true, title: true, publishedAt: true, textScope: true } },
        },
      },
    },
  });
  if (!event) return null;
  return {
    ...event,
    date: isoDay(event.date),
    entities: event.entities.map(({ role, entity }) => ({ role: role as EventRole, ...entity })),
    facts: event.facts.map((fact) => ({
      ...fact,
      value: Number(fact.value),
      valueMax: fact.valueMax === null ? null : Number(fact.valueMax),
      article: { ...fact.article, publishedAt: fact.article.publishedAt ? isoDay(fact.article.publishedAt) : null },
    })),
  };
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEventDetail>>>;

/** Events sharing entities (other than authorities) with this one, most shared first. */
async function listRelatedEventsFromDatabase(id: number, limit = 6) {
  const rows = await readDb.$queryRaw<{ id: number; title: string; type: EventType; date: Date; date_precision: DatePrecision; shared: bigint }[]>(Prisma.sql`
    SELECT e.id, e.title, e.type::text AS type, e.date, e.date_precision::text AS date_precision, count(*) AS shared
    FROM event_entities mine
    JOIN event_entities theirs ON theirs.entity_id = mine.entity_id AND theirs.event_id <> mine.event_id
    JOIN events e ON e.id = theirs.event_id
    WHERE mine.event_id = ${id} AND mine.role <> 'authority'
    GROUP BY e.id
    ORDER BY count(*) DESC, abs(e.date - (SELECT date FROM events WHERE id = ${id})), e.id
    LIMIT ${limit}`);
  return rows.map((row) => ({ id: row.id, title: row.title, type: row.type, date: isoDay(row.date), datePrecision: row.date_precision, shared: Number(row.shared) }));
}

function toKeyFigure(row: RawKeyFigure): KeyFigure | null {
  if (!row.metric || row.value === null || !row.unit || !row.bound || row.fact_id === null || row.fact_article_id === null) return null;
  return {
    quote: row.quote ?? "",
    factId: row.fact_id,
    articleId: row.fact_article_id,
    url: row.fact_url,
    metric: row.metric,
    qualifiers: toQualifiers(row.qualifiers),
    usd: toUsdValue(row.usd_value, row.usd_value_max, row.usd_rate, row.usd_rate_month),
    value: Number(row.value),
    valueMax: row.value_max === null ? null : Number(row.value_max),
    unit: row.unit,
    bound: row.bound,
  };
}

// Cached per data version (lib/cache/query-cache.ts): pages and images repeat these reads.
/** Events per month in scope, oldest first (the timeline's overview strip), counted in SQL. */
async function countEventsByMonthFromDatabase(scope: EventScope): Promise<{ month: string; events: number }[]> {
  const rows = await readDb.$queryRaw<{ month: Date; events: number }[]>(Prisma.sql`
    SELECT date_trunc('month', e.date)::date AS month, count(*)::int AS events
    FROM events e WHERE ${scope.where}
    GROUP BY 1 ORDER BY 1`);
  return rows.map((row) => ({ month: isoDay(row.month), events: row.events }));
}

export const listTimelineEvents = cachedByDataVersion("listTimelineEvents", listTimelineEventsFromDatabase);
export const countEventsByMonth = cachedByDataVersion("countEventsByMonth", countEventsByMonthFromDatabase);
export const listEventsPage = cachedByDataVersion("listEventsPage", listEventsPageFromDatabase);
export const listEventRows = cachedByDataVersion("listEventRows", listEventRowsFromDatabase);
export const getEventDetail = cachedByDataVersion("getEventDetail", getEventDetailFromDatabase);
export const listRelatedEvents = cachedByDataVersion("listRelatedEvents", listRelatedEventsFromDatabase);

/**
 * Events a new article may report on (lib/events/matching.ts ranks them): within the matching
 * window of any of its dates, or involving any entity it names, with their entities and their
 * accepted figures. At most 300, nearest in time first.
 */
export async function candidateEventsFor(dates: string[], entityNames: string[]): Promise<CandidateEvent[]> {
  const days = dates.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)).map((date) => Date.parse(`${date}T00:00:00Z`));
  const windows = days.map((day) => ({ date: { gte: new Date(day - MATCH_WINDOW_DAYS * 86_400_000), lte: new Date(day + MATCH_WINDOW_DAYS * 86_400_000) } }));
  const names = entityNames.filter(Boolean);
  const involved = names.length ? [{ entities: { some: { entity: { OR: [{ name: { in: names, mode: "insensitive" as const } }, { aliases: { hasSome: names } }] } } } }] : [];
  if (!windows.length && !involved.length) return [];
  const events = await readDb.event.findMany({
    where: { OR: [...windows, ...involved] },
    orderBy: { date: "desc" },
    take: 300,
    select: {
      id: true,
      title: true,
      type: true,
      date: true,
      entities: { select: { entity: { select: { name: true } } } },
      facts: { where: { reviewStatus: "accepted" }, select: { value: true, unit: true }, take: 50 },
    },
  });
  return events.map((event) => ({
    id: event.id,
    title: event.title,
    type: event.type,
    date: isoDay(event.date),
    entities: event.entities.map((link) => link.entity.name),
    figures: event.facts.map((fact) => ({ value: Number(fact.value), unit: fact.unit })),
  }));
}

// Resolves parsed filters against the database once per request, into the SQL condition every
// event query shares — so the timeline, the numbers and the tables always agree.
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveEntitySlugs } from "@/lib/entities/queries";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { dateBounds, type DashboardFilters, type FilterNotice } from "@/lib/filters/schema";

export type EventScope = {
  filters: DashboardFilters;
  /** SQL condition on the events table aliased `e`. */
  where: Prisma.Sql;
  /** Ids of the chosen companies (with subsidiaries when asked), for attributing figures. */
  entityIds: number[];
  /** Names of the chosen companies, by slug, for subtitles. */
  companyNames: Map<string, string>;
  notices: FilterNotice[];
  addedSubsidiaries: string[];
};

export async function resolveEventScope(filters: DashboardFilters, notices: FilterNotice[] = []): Promise<EventScope> {
  const entities = await resolveEntitySlugs(filters.companies, filters.includeSubsidiaries);
  const scoped: DashboardFilters = { ...filters, companies: filters.companies.filter((slug) => !entities.unknown.includes(slug)) };
  const allNotices = [...notices, ...entities.unknown.map((slug) => ({ key: "company", value: slug, message: "no such company or entity" }))];
  return {
    filters: scoped,
    where: eventConditions(scoped, entities.ids),
    entityIds: entities.ids,
    companyNames: entities.names,
    notices: allNotices,
    addedSubsidiaries: entities.addedSubsidiaries,
  };
}

/** Facts (aliased `f`) quoted from a source of the chosen kinds; TRUE when every source counts. */
export function factSourceCondition(filters: Pick<DashboardFilters, "sources">): Prisma.Sql {
  if (!filters.sources.length) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM articles sa WHERE sa.id = f.article_id AND sa.source_kind::text = ANY(${filters.sources}::text[]))`;
}

/**
 * The events a search finds: by their own title and summary, by the name of their type
 * ("stockpile" finds the stockpile events), by the quotes of their accepted facts, and by the
 * excerpts kept from their source page — never by a word anywhere in a long article, which would
 * match every event linked to it. A union of index lookups (an OR across them would scan every event).
 */
function searchMatches(q: string): Prisma.Sql {
  const query = searchQuerySql(q);
  return Prisma.sql`
      SELECT ev.id FROM events ev WHERE ev.search_vector @@ ${query}
      UNION
      SELECT ev.id FROM events ev WHERE ev.type::text IN (SELECT type FROM (${eventTypeWords()}) AS t(type, words) WHERE to_tsvector('english', words) @@ ${query})
      UNION
      SELECT f.event_id FROM facts f WHERE f.search_vector @@ ${query} AND f.review_status = 'accepted' AND f.event_id IS NOT NULL
      UNION
      SELECT ev.id FROM articles a JOIN events ev ON ev.source_article_id = a.id WHERE a.search_vector @@ ${query} AND a.text_scope = 'excerpts'`;
}

/** The event types with their labels, from the one definition (lib/events/event-types.ts), as SQL rows. */
function eventTypeWords(): Prisma.Sql {
  return Prisma.sql`VALUES ${Prisma.join(Object.entries(EVENT_TYPE_STYLES).map(([type, style]) => Prisma.sql`(${type}, ${`${style.label}|${type.replace(/_/g, " ")}`})`))}`;
}

/**
 * How well an event answers a search, for sorting by relevance: its title and summary count most
 * (weights A and B), then the best of its quotes, then its type's name. Reads `quote_rank`, which
 * searchRankJoin adds to a query over events `e`.
 */
export function searchRankSql(q: string): Prisma.Sql {
  const query = searchQuerySql(q);
  return Prisma.sql`(
    ts_rank(e.search_vector, ${query})
    + 0.5 * coalesce(quote_rank.rank, 0)
    + CASE WHEN e.type::text IN (SELECT type FROM (${eventTypeWords()}) AS t(type, words) WHERE to_tsvector('english', words) @@ ${query}) THEN 0.2 ELSE 0 END)`;
}

/**
 * The best rank of each event's matching quotes, as `quote_rank.rank`: ranked once over the
 * quotes the index finds, not looked up event by event (at 1M facts a broad search matched 12,000
 * events, and reading each one's facts cost 100 ms).
 */
export function searchRankJoin(q: string): Prisma.Sql {
  const query = searchQuerySql(q);
  return Prisma.sql`LEFT JOIN (SELECT f.event_id, max(ts_rank(f.search_vector, ${query})) AS rank FROM facts f
                               WHERE f.search_vector @@ ${query} AND f.review_status = 'accepted' GROUP BY f.event_id) quote_rank
                    ON quote_rank.event_id = e.id`;
}

/**
 * The passage that made an event match, with the matched words between \u0001 and \u0002 (never
 * HTML: the page turns the markers into <mark> elements): its best quote, else its title, else
 * its type's name, else the excerpt kept from its source page.
 */
export function searchSnippetSql(q: string): Prisma.Sql {
  const query = searchQuerySql(q);
  const headline = (text: Prisma.Sql) =>
    Prisma.sql`ts_headline('english', ${text}, ${query}, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=28, MinWords=10, MaxFragments=1, FragmentDelimiter=" … "')`;
  const bestQuote = Prisma.sql`(SELECT f.quote FROM facts f WHERE f.event_id = e.id AND f.review_status = 'accepted' AND f.search_vector @@ ${query}
                                ORDER BY ts_rank(f.search_vector, ${query}) DESC, f.id LIMIT 1)`;
  const typeLabel = Prisma.sql`(SELECT split_part(words, '|', 1) FROM (${eventTypeWords()}) AS t(type, words)
                                WHERE t.type = e.type::text AND to_tsvector('english', words) @@ ${query})`;
  const excerpt = Prisma.sql`(SELECT a.text FROM articles a WHERE a.id = e.source_article_id AND a.text_scope = 'excerpts' AND a.search_vector @@ ${query})`;
  return Prisma.sql`CASE
    WHEN ${bestQuote} IS NOT NULL THEN ${headline(bestQuote)}
    WHEN e.search_vector @@ ${query} THEN ${headline(Prisma.sql`e.title || coalesce(' — ' || e.summary, '')`)}
    WHEN ${typeLabel} IS NOT NULL THEN chr(1) || ${typeLabel} || chr(2) || ' event: ' || e.title
    ELSE coalesce(${headline(excerpt)}, e.title) END`;
}

/** The query text of a search, as PostgreSQL parses web-search syntax ("h20 -charge", quoted phrases). */
export function searchQuerySql(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${q})`;
}

function eventConditions(filters: DashboardFilters, entityIds: number[]): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.companies.length) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = e.id AND ee.entity_id = ANY(${entityIds}::int[]))`);
  }
  if (filters.types.length) conditions.push(Prisma.sql`e.type::text = ANY(${filters.types}::text[])`);
  if (filters.countries.length) conditions.push(Prisma.sql`e.countries && ${filters.countries}::text[]`);
  const { start, endExclusive } = dateBounds(filters);
  if (start) conditions.push(Prisma.sql`e.date >= ${start}::date`);
  if (endExclusive) conditions.push(Prisma.sql`e.date < ${endExclusive}::date`);
  if (filters.sources.length) {
    // Events that at least one source of these kinds reports: the page they were recorded from,
    // or the page of any of their accepted facts.
    conditions.push(Prisma.sql`e.id IN (
      SELECT ev.id FROM articles a JOIN events ev ON ev.source_article_id = a.id WHERE a.source_kind::text = ANY(${filters.sources}::text[])
      UNION
      SELECT f.event_id FROM articles a JOIN facts f ON f.article_id = a.id
       WHERE a.source_kind::text = ANY(${filters.sources}::text[]) AND f.event_id IS NOT NULL AND f.review_status = 'accepted'
    )`);
  }
  if (filters.q) conditions.push(Prisma.sql`e.id IN (${searchMatches(filters.q)})`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

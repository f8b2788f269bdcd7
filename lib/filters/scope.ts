// Resolves parsed filters against the database once per request, into the SQL condition every
// event query shares — so the timeline, the numbers and the tables always agree.
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveEntitySlugs } from "@/lib/entities/queries";
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
  if (filters.q) {
    const query = searchQuerySql(filters.q);
    // Events whose own text matches, or whose source article or any article with one of their
    // facts does: a union of three index lookups (an OR across them would scan every event).
    conditions.push(Prisma.sql`e.id IN (
      SELECT ev.id FROM events ev WHERE ev.search_vector @@ ${query}
      UNION
      SELECT ev.id FROM articles a JOIN events ev ON ev.source_article_id = a.id WHERE a.search_vector @@ ${query}
      UNION
      SELECT f.event_id FROM articles a JOIN facts f ON f.article_id = a.id WHERE a.search_vector @@ ${query} AND f.event_id IS NOT NULL
    )`);
  }
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

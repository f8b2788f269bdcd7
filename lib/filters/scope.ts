// Resolves parsed filters against the database once per request, into the SQL condition every
// event query shares — so the timeline, the numbers and the tables always agree.
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveEntitySlugs } from "@/lib/entities/queries";
import { dateBounds, type DashboardFilters, type FilterNotice } from "@/lib/filters/schema";

export type EventScope = {
  filters: DashboardFilters;
  /** SQL condition on the events table aliased `e`. */
  where: Prisma.Sql;
  /** Names of the chosen companies, by slug, for subtitles. */
  companyNames: Map<string, string>;
  notices: FilterNotice[];
  addedSubsidiaries: string[];
};

export async function resolveEventScope(filters: DashboardFilters, notices: FilterNotice[] = []): Promise<EventScope> {
  const entities = await resolveEntitySlugs(filters.companies, filters.includeSubsidiaries);
  const scoped: DashboardFilters = { ...filters, companies: filters.companies.filter((slug) => !entities.unknown.includes(slug)) };
  const allNotices = [
    ...notices,
    ...entities.unknown.map((slug) => ({ key: "company", value: slug, message: "no such company or entity" })),
  ];
  return {
    filters: scoped,
    where: eventConditions(scoped, entities.ids),
    companyNames: entities.names,
    notices: allNotices,
    addedSubsidiaries: entities.addedSubsidiaries,
  };
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
  if (filters.q) {
    const query = searchQuerySql(filters.q);
    conditions.push(Prisma.sql`(
      e.search_vector @@ ${query}
      OR EXISTS (SELECT 1 FROM articles a WHERE a.id = e.source_article_id AND a.search_vector @@ ${query})
      OR EXISTS (SELECT 1 FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.event_id = e.id AND a.search_vector @@ ${query})
    )`);
  }
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

// Typed reads of entities: resolving filter slugs, the company selector, company pages.
import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntityKind } from "@/lib/generated/prisma/enums";
import { cachedByDataVersion } from "@/lib/cache/query-cache";

export type ResolvedEntities = {
  /** Ids to filter on: the chosen entities, plus their subsidiaries when asked. */
  ids: number[];
  names: Map<string, string>;
  unknown: string[];
  /** Subsidiaries that were added because the user asked for them (for the notice). */
  addedSubsidiaries: string[];
};

async function resolveEntitySlugsFromDatabase(slugs: string[], includeSubsidiaries: boolean): Promise<ResolvedEntities> {
  if (slugs.length === 0) return { ids: [], names: new Map(), unknown: [], addedSubsidiaries: [] };
  const rows = await readDb.$queryRaw<{ id: number; slug: string; name: string; chosen: boolean }[]>(Prisma.sql`
    WITH RECURSIVE chosen AS (
      SELECT id, slug, name, true AS chosen FROM entities WHERE slug = ANY(${slugs}::text[])
      UNION
      SELECT child.id, child.slug, child.name, false FROM entities child
      JOIN chosen parent ON child.parent_id = parent.id
      WHERE ${includeSubsidiaries}
    )
    SELECT DISTINCT ON (id) id, slug, name, chosen FROM chosen ORDER BY id, chosen DESC`);
  const names = new Map(rows.filter((row) => row.chosen).map((row) => [row.slug, row.name]));
  return {
    ids: rows.map((row) => row.id),
    names,
    unknown: slugs.filter((slug) => !names.has(slug)),
    addedSubsidiaries: rows.filter((row) => !row.chosen).map((row) => row.name),
  };
}

export type EntityOption = {
  slug: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  parent: string | null;
  subsidiaries: { slug: string; name: string }[];
  eventCount: number;
};

/** How many choices the company selector carries in the page; the rest are found by search. */
export const ENTITY_OPTIONS_IN_PAGE = 200;

/**
 * Entities that appear in events, most active first: the choices the company selector carries
 * in the page (with `include` — the chosen ones — always among them). `matching` narrows them to
 * names or aliases containing that text: the selector's search beyond the page's choices.
 */
async function listEntityOptionsFromDatabase(limit = ENTITY_OPTIONS_IN_PAGE, include: string[] = [], matching: string | null = null): Promise<EntityOption[]> {
  const pattern = matching ? `%${matching.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await readDb.$queryRaw<(Omit<EntityOption, "eventCount"> & { event_count: bigint })[]>(Prisma.sql`
    SELECT e.slug, e.name, e.kind::text AS kind, e.aliases, p.slug AS parent,
           coalesce((SELECT json_agg(json_build_object('slug', c.slug, 'name', c.name) ORDER BY c.name) FROM entities c WHERE c.parent_id = e.id), '[]') AS subsidiaries,
           count(ee.event_id) AS event_count
    FROM entities e
    JOIN event_entities ee ON ee.entity_id = e.id
    LEFT JOIN entities p ON p.id = e.parent_id
    WHERE ${pattern === null ? Prisma.sql`TRUE` : Prisma.sql`(e.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(e.aliases) alias WHERE alias ILIKE ${pattern}))`}
    GROUP BY e.id, p.slug
    ORDER BY e.slug = ANY(${include}::text[]) DESC, count(ee.event_id) DESC, e.name
    LIMIT ${limit + include.length}`);
  return rows.map(({ event_count, ...row }) => ({ ...row, eventCount: Number(event_count) }));
}

async function getEntityBySlugFromDatabase(slug: string) {
  return readDb.entity.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      country: true,
      aliases: true,
      parent: { select: { slug: true, name: true } },
      subsidiaries: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
      vendor: { select: { slug: true, name: true } },
      products: { select: { slug: true, name: true, kind: true }, orderBy: { name: "asc" } },
    },
  });
}

/** Country codes that occur on events, most frequent first. */
async function listEventCountriesFromDatabase(): Promise<string[]> {
  const rows = await readDb.$queryRaw<{ code: string }[]>(Prisma.sql`
    SELECT code FROM events, unnest(countries) AS code GROUP BY code ORDER BY count(*) DESC, code`);
  return rows.map((row) => row.code);
}

export type EntityWithCounts = { slug: string; name: string; kind: EntityKind; country: string | null; events: number; facts: number };

/** Every entity with its number of events under the filters and of facts about it. */
async function listEntitiesWithCountsFromDatabase(where: Prisma.Sql): Promise<EntityWithCounts[]> {
  const rows = await readDb.$queryRaw<{ slug: string; name: string; kind: EntityKind; country: string | null; events: bigint; facts: bigint }[]>(Prisma.sql`
    SELECT en.slug, en.name, en.kind::text AS kind, en.country,
           (SELECT count(*) FROM event_entities ee JOIN events e ON e.id = ee.event_id WHERE ee.entity_id = en.id AND ${where}) AS events,
           (SELECT count(*) FROM facts f WHERE f.subject_id = en.id AND f.review_status = 'accepted') AS facts
    FROM entities en
    ORDER BY events DESC, facts DESC, en.name`);
  return rows.map((row) => ({ ...row, events: Number(row.events), facts: Number(row.facts) }));
}

/** Chips and rack-scale systems with the number of spec facts about each. */
async function listChipsAndSystemsFromDatabase() {
  const rows = await readDb.entity.findMany({
    where: { kind: { in: ["chip", "system"] } },
    orderBy: [{ kind: "desc" }, { name: "asc" }],
    select: { slug: true, name: true, kind: true, country: true, vendor: { select: { name: true, country: true } }, _count: { select: { subjectFacts: true } } },
  });
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    vendor: row.vendor?.name ?? null,
    // Where the vendor is based (the chip's own country when no vendor is recorded).
    country: row.vendor?.country ?? row.country ?? null,
    facts: row._count.subjectFacts,
  }));
}

// Cached per data version (lib/cache/query-cache.ts): pages and images repeat these reads.
export const resolveEntitySlugs = cachedByDataVersion("resolveEntitySlugs", resolveEntitySlugsFromDatabase);
export const listEntityOptions = cachedByDataVersion("listEntityOptions", listEntityOptionsFromDatabase);
export const getEntityBySlug = cachedByDataVersion("getEntityBySlug", getEntityBySlugFromDatabase);
export const listEventCountries = cachedByDataVersion("listEventCountries", listEventCountriesFromDatabase);
export const listEntitiesWithCounts = cachedByDataVersion("listEntitiesWithCounts", listEntitiesWithCountsFromDatabase);
export const listChipsAndSystems = cachedByDataVersion("listChipsAndSystems", listChipsAndSystemsFromDatabase);

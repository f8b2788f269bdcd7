// The data API's reads: accepted facts and events in a filter scope, a page at a time in id order
// after a cursor, optionally only those changed after an instant. The scope is the dashboard's
// (lib/filters/scope.ts), so the API answers what the pages show.
import { readDb } from "@/lib/db";
import type { EventScope } from "@/lib/filters/scope";
import { factSourceCondition } from "@/lib/filters/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Bound, ClaimStatus, DatePrecision, EventRole, EventType, SourceKind } from "@/lib/generated/prisma/enums";
import { isoDay } from "@/lib/events/partial-date";
import { toQualifiers } from "@/lib/facts/queries";
import { describeMetric } from "@/lib/metrics/registry";
import type { EventRecord, FactRecord } from "@/lib/api/schemas";

export type PageRequest = { after: number; limit: number; updatedSince: Date | null };

/** UTC timestamps are stored without a zone: compare them in UTC whatever the session's zone. */
const sinceSql = (column: Prisma.Sql, since: Date | null) => (since ? Prisma.sql`${column} > (${since}::timestamptz AT TIME ZONE 'UTC')` : Prisma.sql`TRUE`);

function eventFiltered(scope: EventScope): boolean {
  const { types, countries, from, to, q } = scope.filters;
  return types.length > 0 || countries.length > 0 || Boolean(from || to || q);
}

/**
 * Facts in scope: those of events in scope; under a company filter, only the company's own (it is
 * the subject, the counterparty, or the product or its vendor, as `role` says), including spec
 * facts that belong to no event when no event filter is set.
 */
function factScope(scope: EventScope): Prisma.Sql {
  const inEvent = Prisma.sql`EXISTS (SELECT 1 FROM events e WHERE e.id = f.event_id AND ${scope.where})`;
  const events = eventFiltered(scope) ? inEvent : Prisma.sql`(f.event_id IS NULL OR ${inEvent})`;
  if (!scope.filters.companies.length) return events;
  const ids = scope.entityIds;
  const actor = Prisma.sql`(f.subject_id = ANY(${ids}::int[]) OR f.product_id = ANY(${ids}::int[])
    OR f.subject_id IN (SELECT en.id FROM entities en WHERE en.vendor_id = ANY(${ids}::int[])))`;
  const counterparty = Prisma.sql`f.object_id = ANY(${ids}::int[])`;
  const attributed = scope.filters.role === "actor" ? actor : scope.filters.role === "counterparty" ? counterparty : Prisma.sql`(${actor} OR ${counterparty})`;
  return Prisma.sql`${events} AND ${attributed}`;
}

/** The source page and record times both reads select (a.*, created_at, updated_at, revision count). */
type RawSourceAndRecord<ArticleId> = {
  article_id: ArticleId;
  outlet: string | null;
  url: string | null;
  source_kind: SourceKind | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  revision: number;
};

function sourceOf(row: RawSourceAndRecord<number>) {
  return { article_id: row.article_id, outlet: row.outlet, url: row.url, kind: row.source_kind, published: row.published_at ? isoDay(row.published_at) : null };
}

function recordTimes(row: RawSourceAndRecord<number | null>) {
  return { created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString(), revision: row.revision };
}

type RawFact = {
  id: number;
  event_id: number | null;
  metric: string;
  qualifiers: Prisma.JsonValue;
  value: Prisma.Decimal;
  value_max: Prisma.Decimal | null;
  unit: string;
  bound: Bound;
  usd_value: Prisma.Decimal | null;
  usd_value_max: Prisma.Decimal | null;
  status: string;
  subject_label: string;
  subject_slug: string | null;
  subject_name: string | null;
  object_label: string | null;
  object_slug: string | null;
  object_name: string | null;
  product_label: string | null;
  product_slug: string | null;
  product_name: string | null;
  date: Date | null;
  date_precision: DatePrecision | null;
  period_label: string | null;
  quote: string;
} & RawSourceAndRecord<number>;

const num = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));
const ref = (slug: string | null, name: string | null, label: string | null) => (slug || label ? { slug, name: name ?? label ?? "" } : null);

export async function listFactRecords(scope: EventScope, page: PageRequest, origin: string): Promise<FactRecord[]> {
  const rows = await readDb.$queryRaw<RawFact[]>(Prisma.sql`
    SELECT f.id, f.event_id, f.metric, f.qualifiers, f.value, f.value_max, f.unit, f.bound::text AS bound,
           f.usd_value, f.usd_value_max, f.status::text AS status,
           f.subject_label, s.slug AS subject_slug, s.name AS subject_name,
           f.object_label, o.slug AS object_slug, o.name AS object_name,
           f.product_label, p.slug AS product_slug, p.name AS product_name,
           f.date, f.date_precision::text AS date_precision, f.period_label, f.quote, f.article_id,
           a.outlet, a.url, a.source_kind::text AS source_kind, a.published_at, f.created_at, f.updated_at,
           (SELECT count(*)::int FROM revisions r WHERE r.record_type = 'fact' AND r.record_id = f.id) AS revision
    FROM facts f
    JOIN articles a ON a.id = f.article_id
    LEFT JOIN entities s ON s.id = f.subject_id
    LEFT JOIN entities o ON o.id = f.object_id
    LEFT JOIN entities p ON p.id = f.product_id
    WHERE f.review_status = 'accepted' AND f.id > ${page.after}
      AND ${factScope(scope)} AND ${factSourceCondition(scope.filters)} AND ${sinceSql(Prisma.sql`f.updated_at`, page.updatedSince)}
    ORDER BY f.id
    LIMIT ${page.limit}`);
  return rows.map((row) => {
    const qualifiers = toQualifiers(row.qualifiers);
    return {
      id: row.id,
      event_id: row.event_id,
      metric: row.metric,
      metric_label: describeMetric(row.metric, qualifiers),
      qualifiers,
      value: Number(row.value),
      value_max: num(row.value_max),
      unit: row.unit,
      bound: row.bound,
      value_usd: num(row.usd_value),
      value_usd_max: num(row.usd_value_max),
      status: row.status,
      subject: ref(row.subject_slug, row.subject_name, row.subject_label) ?? { slug: null, name: row.subject_label },
      object: ref(row.object_slug, row.object_name, row.object_label),
      product: ref(row.product_slug, row.product_name, row.product_label),
      date: row.date ? isoDay(row.date) : null,
      date_precision: row.date_precision,
      period_label: row.period_label,
      quote: row.quote,
      source: sourceOf(row),
      url: `${origin}/articles/${row.article_id}#fact-${row.id}`,
      ...recordTimes(row),
    };
  });
}

type RawEvent = {
  id: number;
  slug: string;
  title: string;
  type: EventType;
  date: Date;
  date_precision: DatePrecision;
  summary: string | null;
  claim_status: ClaimStatus;
  countries: string[];
  entities: { slug: string; name: string; role: EventRole }[] | null;
  fact_count: number;
} & RawSourceAndRecord<number | null>;

export async function listEventRecords(scope: EventScope, page: PageRequest, origin: string): Promise<EventRecord[]> {
  const rows = await readDb.$queryRaw<RawEvent[]>(Prisma.sql`
    SELECT e.id, e.slug, e.title, e.type::text AS type, e.date, e.date_precision::text AS date_precision, e.summary,
           e.claim_status::text AS claim_status, e.countries,
           (SELECT json_agg(json_build_object('slug', en.slug, 'name', en.name, 'role', ee.role) ORDER BY ee.role, en.name)
              FROM event_entities ee JOIN entities en ON en.id = ee.entity_id WHERE ee.event_id = e.id) AS entities,
           (SELECT count(*)::int FROM facts f WHERE f.event_id = e.id AND f.review_status = 'accepted') AS fact_count,
           a.id AS article_id, a.outlet, a.url, a.source_kind::text AS source_kind, a.published_at, e.created_at, e.updated_at,
           (SELECT count(*)::int FROM revisions r WHERE r.record_type = 'event' AND r.record_id = e.id) AS revision
    FROM events e
    LEFT JOIN articles a ON a.id = e.source_article_id
    WHERE e.id > ${page.after} AND ${scope.where} AND ${sinceSql(Prisma.sql`e.updated_at`, page.updatedSince)}
    ORDER BY e.id
    LIMIT ${page.limit}`);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    type: row.type,
    date: isoDay(row.date),
    date_precision: row.date_precision,
    summary: row.summary,
    claim_status: row.claim_status,
    countries: row.countries,
    entities: row.entities ?? [],
    fact_count: row.fact_count,
    source: row.article_id === null ? null : sourceOf({ ...row, article_id: row.article_id }),
    url: `${origin}/events/${row.id}`,
    ...recordTimes(row),
  }));
}

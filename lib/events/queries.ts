// Typed reads of events for the dashboard. One SQL query per widget; rows come back chart-shaped.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Bound, DatePrecision, EventType } from "@/lib/generated/prisma/enums";

export type TimelineEventRow = {
  id: number;
  slug: string;
  title: string;
  type: EventType;
  date: string;
  datePrecision: DatePrecision;
  outlet: string | null;
  keyFigure: { metric: string; value: number; valueMax: number | null; unit: string; bound: Bound } | null;
};

type RawTimelineRow = {
  id: number;
  slug: string;
  title: string;
  type: EventType;
  date: Date;
  date_precision: DatePrecision;
  outlet: string | null;
  metric: string | null;
  value: Prisma.Decimal | null;
  value_max: Prisma.Decimal | null;
  unit: string | null;
  bound: Bound | null;
};

/** Every event with its first accepted fact as the key figure, oldest first. */
export async function listTimelineEvents(): Promise<TimelineEventRow[]> {
  const rows = await db.$queryRaw<RawTimelineRow[]>(Prisma.sql`
    SELECT e.id, e.slug, e.title, e.type::text AS type, e.date, e.date_precision::text AS date_precision,
           a.outlet, kf.metric, kf.value, kf.value_max, kf.unit, kf.bound::text AS bound
    FROM events e
    LEFT JOIN articles a ON a.id = e.source_article_id
    LEFT JOIN LATERAL (
      SELECT f.metric, f.value, f.value_max, f.unit, f.bound
      FROM facts f
      WHERE f.event_id = e.id AND f.review_status = 'accepted'
      ORDER BY f.id
      LIMIT 1
    ) kf ON true
    ORDER BY e.date, e.id`);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    type: row.type,
    date: row.date.toISOString().slice(0, 10),
    datePrecision: row.date_precision,
    outlet: row.outlet,
    keyFigure:
      row.metric && row.value && row.unit && row.bound
        ? {
            metric: row.metric,
            value: Number(row.value),
            valueMax: row.value_max === null ? null : Number(row.value_max),
            unit: row.unit,
            bound: row.bound,
          }
        : null,
  }));
}

export type LatestEvent = {
  id: number;
  title: string;
  type: EventType;
  date: string;
  datePrecision: DatePrecision;
  source: { url: string | null; outlet: string | null } | null;
  entities: string[];
};

export async function listLatestEvents(limit = 8): Promise<LatestEvent[]> {
  const events = await db.event.findMany({
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      type: true,
      date: true,
      datePrecision: true,
      sourceArticle: { select: { url: true, outlet: true } },
      entities: { select: { entity: { select: { name: true } } }, orderBy: { role: "asc" } },
    },
  });
  return events.map((event) => ({
    id: event.id,
    title: event.title,
    type: event.type,
    date: event.date.toISOString().slice(0, 10),
    datePrecision: event.datePrecision,
    source: event.sourceArticle,
    entities: event.entities.map(({ entity }) => entity.name),
  }));
}

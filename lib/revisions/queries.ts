// Reading the record of corrections: what changed on an event and its facts, when, by whom, why.
// A change counts as a correction once the record was public: any change to an event, and a change
// to a fact that was already accepted (accepting a proposal is review, not correction).
import { readDb } from "@/lib/db";
import { cachedByDataVersion } from "@/lib/cache/query-cache";
import { Prisma } from "@/lib/generated/prisma/client";

export type RecordType = "fact" | "event";

/** A column's value before and after, as the database stored it (JSON). */
export type ColumnChange = { field: string; before: unknown; after: unknown };

export type RevisionRow = {
  id: number;
  recordType: RecordType;
  recordId: number;
  action: "update" | "delete";
  changedAt: string;
  editor: string | null;
  reason: string | null;
  changes: ColumnChange[];
  /** False for the review of a proposal (pending → accepted); true for a change to a public record. */
  correction: boolean;
};

type RawRevision = {
  id: bigint;
  record_type: RecordType;
  record_id: number;
  action: "update" | "delete";
  changed_at: Date;
  editor: string | null;
  reason: string | null;
  changes: Record<string, [unknown, unknown]>;
};

export function toRevisionRow(raw: RawRevision): RevisionRow {
  const entries = Object.entries(raw.changes);
  const status = raw.changes.review_status;
  return {
    id: Number(raw.id),
    recordType: raw.record_type,
    recordId: raw.record_id,
    action: raw.action,
    changedAt: raw.changed_at.toISOString(),
    editor: raw.editor,
    reason: raw.reason,
    changes: entries.map(([field, [before, after]]) => ({ field, before, after })),
    correction: raw.record_type === "event" || (status ? status[0] === "accepted" : true),
  };
}

const SELECT_REVISION = Prisma.sql`SELECT id, record_type, record_id, action, changed_at, editor, reason, changes FROM revisions`;

/** Every revision of an event and of its facts, oldest first. */
async function listEventRevisionsFromDatabase(eventId: number, factIds: number[]): Promise<RevisionRow[]> {
  const rows = await readDb.$queryRaw<RawRevision[]>(Prisma.sql`
    ${SELECT_REVISION}
    WHERE (record_type = 'event' AND record_id = ${eventId})
       OR (record_type = 'fact' AND record_id = ANY(${factIds}::int[]))
    ORDER BY id`);
  return rows.map(toRevisionRow);
}
export const listEventRevisions = cachedByDataVersion("listEventRevisions", listEventRevisionsFromDatabase);

/** Every revision of some facts (an article's), oldest first. */
async function listFactRevisionsFromDatabase(factIds: number[]): Promise<RevisionRow[]> {
  const rows = await readDb.$queryRaw<RawRevision[]>(Prisma.sql`
    ${SELECT_REVISION} WHERE record_type = 'fact' AND record_id = ANY(${factIds}::int[]) ORDER BY id`);
  return rows.map(toRevisionRow);
}
export const listFactRevisions = cachedByDataVersion("listFactRevisions", listFactRevisionsFromDatabase);

/** Revisions of records of one type, for the API: by record ids, or everything after a revision id. */
export async function listRevisions(recordType: RecordType, where: { recordIds?: number[]; since?: Date; limit?: number }): Promise<RevisionRow[]> {
  const rows = await readDb.$queryRaw<RawRevision[]>(Prisma.sql`
    ${SELECT_REVISION}
    WHERE record_type = ${recordType}
      ${where.recordIds ? Prisma.sql`AND record_id = ANY(${where.recordIds}::int[])` : Prisma.empty}
      ${where.since ? Prisma.sql`AND changed_at > (${where.since}::timestamptz AT TIME ZONE 'UTC')` : Prisma.empty}
    ORDER BY id
    LIMIT ${where.limit ?? 10_000}`);
  return rows.map(toRevisionRow);
}

/** Records deleted after `since` (the deletions list of an incremental sync), oldest first. */
export async function listDeletions(recordType: RecordType, since: Date, limit = 10_000): Promise<{ id: number; deletedAt: string }[]> {
  const rows = await readDb.$queryRaw<{ record_id: number; changed_at: Date }[]>(Prisma.sql`
    SELECT record_id, changed_at FROM revisions
    WHERE record_type = ${recordType} AND action = 'delete' AND changed_at > (${since}::timestamptz AT TIME ZONE 'UTC')
    ORDER BY changed_at, id
    LIMIT ${limit}`);
  return rows.map((row) => ({ id: row.record_id, deletedAt: row.changed_at.toISOString() }));
}

/** Column names as a reader says them; others are shown as stored. */
const FIELD_LABELS: Record<string, string> = {
  value: "value",
  value_max: "upper value",
  unit: "unit",
  bound: "bound",
  metric: "metric",
  subject_label: "subject",
  object_label: "counterparty",
  date: "date",
  date_precision: "date precision",
  title: "title",
  summary: "summary",
  type: "type",
  claim_status: "claim status",
  label_pin: "timeline label",
  review_status: "review status",
  event_id: "event",
  quote: "quote",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, " ");
}

/** A stored value as a reader reads it: numbers as numbers, the label pin in words, no quotes. */
export function formatStoredValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return field === "label_pin" ? "automatic" : "none";
  if (field === "label_pin") return value === true ? "pinned" : "hidden";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}(T00:00:00)?/.test(value)) return value.slice(0, 10);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

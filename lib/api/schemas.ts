// The data API's boundary (/api/v1): the query it accepts and the records it answers, as zod
// schemas. The routes parse with them and the OpenAPI document (lib/api/openapi.ts) is generated
// from them, so the description cannot drift from what the API does.
import { z } from "zod";
import { EVENT_TYPES, FIGURE_ROLES } from "@/lib/filters/state";
import { SOURCE_KINDS } from "@/lib/sources/kinds";

export const API_PAGE_SIZE = { default: 100, max: 1000 };

/** The dashboard's filters, under the same names as in its URLs, plus paging and format. */
export const listQuerySchema = z
  .object({
    company: z.array(z.string()).optional().describe("Company or entity slug (repeatable), as in the dashboard's URL: nvidia, huawei…"),
    subsidiaries: z.enum(["1"]).optional().describe("1: include the chosen companies' subsidiaries"),
    role: z.enum(FIGURE_ROLES).optional().describe("Facts only: which of a company's facts count: party (default), actor, counterparty"),
    type: z
      .array(z.enum(EVENT_TYPES as [string, ...string[]]))
      .optional()
      .describe("Event type (repeatable)"),
    country: z.array(z.string()).optional().describe("ISO 3166 alpha-2 country (repeatable)"),
    from: z.string().optional().describe("First month, YYYY-MM"),
    to: z.string().optional().describe("Last month, YYYY-MM"),
    q: z.string().optional().describe("Full-text search, as on /events"),
    source: z.array(z.enum(SOURCE_KINDS)).optional().describe("Only what sources of these kinds state (repeatable)"),
    updated_since: z.iso.datetime({ offset: true }).optional().describe("Only records created or changed after this instant (ISO 8601); the answer then lists deletions too"),
    cursor: z.string().max(200).optional().describe("The next_cursor of the previous page"),
    limit: z.coerce.number().int().min(1).max(API_PAGE_SIZE.max).default(API_PAGE_SIZE.default).describe(`Records per page (1–${API_PAGE_SIZE.max})`),
    format: z.enum(["json", "csv"]).default("json").describe("json (default) or csv; Accept: text/csv works too"),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuerySchema>;

const sourceSchema = z.object({
  article_id: z.number().int(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  kind: z.enum(SOURCE_KINDS).nullable(),
  published: z.string().nullable().describe("ISO date the source was published"),
});

const entityRefSchema = z.object({ slug: z.string().nullable(), name: z.string() });

export const factRecordSchema = z.object({
  id: z.number().int(),
  event_id: z.number().int().nullable(),
  metric: z.string().describe("Metric key (lib/metrics/registry.ts), e.g. penalty_amount"),
  metric_label: z.string(),
  qualifiers: z.record(z.string(), z.string()),
  value: z.number(),
  value_max: z.number().nullable().describe("Upper end of a range"),
  unit: z.string().describe("As stated: USD, CNY, count, PFLOPS…"),
  bound: z.enum(["exact", "approx", "at_least", "at_most", "range"]),
  value_usd: z.number().nullable().describe("Money converted to US dollars at the stated month's rate"),
  value_usd_max: z.number().nullable(),
  status: z.string().describe("actual, expected, estimated, planned, claimed, potential"),
  subject: entityRefSchema,
  object: entityRefSchema.nullable(),
  product: entityRefSchema.nullable(),
  date: z.string().nullable().describe("ISO date of the first day of the stated period"),
  date_precision: z.enum(["day", "month", "quarter", "year"]).nullable(),
  period_label: z.string().nullable().describe("A fiscal or other period as stated (FY2025)"),
  quote: z.string().describe("The sentence that states the fact"),
  source: sourceSchema,
  url: z.string().describe("The fact highlighted in its article, on this site"),
  created_at: z.string(),
  updated_at: z.string(),
  revision: z.number().int().describe("How many times the record changed after it was created (0: never)"),
});
export type FactRecord = z.infer<typeof factRecordSchema>;

export const eventRecordSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  type: z.enum(EVENT_TYPES as [string, ...string[]]),
  date: z.string().describe("ISO date of the first day of the stated period"),
  date_precision: z.enum(["day", "month", "quarter", "year"]),
  summary: z.string().nullable(),
  claim_status: z.enum(["confirmed", "reported", "estimate"]),
  countries: z.array(z.string()),
  entities: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(["subject", "counterparty", "authority", "product"]) })),
  fact_count: z.number().int(),
  source: sourceSchema.nullable(),
  url: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  revision: z.number().int().describe("How many times the record changed after it was created (0: never)"),
});
export type EventRecord = z.infer<typeof eventRecordSchema>;

export const deletionSchema = z.object({ id: z.number().int(), deleted_at: z.string() });

export const citationSchema = z.object({
  short: z.string(),
  long: z.string(),
  licence: z.string(),
});

const pageMetaSchema = z.object({
  data_version: z.string().describe("Changes whenever any data changes"),
  as_of: z.string(),
  next_cursor: z.string().nullable(),
  next_url: z.string().nullable(),
  citation: citationSchema,
});

export function pageSchema<T extends z.ZodType>(record: T) {
  return z.object({
    data: z.array(record),
    deleted: z.array(deletionSchema).optional().describe("With updated_since: records deleted since then"),
    meta: pageMetaSchema,
  });
}

export const revisionRecordSchema = z.object({
  id: z.number().int(),
  record_type: z.enum(["fact", "event"]),
  record_id: z.number().int(),
  action: z.enum(["update", "delete"]),
  changed_at: z.string(),
  editor: z.string().nullable(),
  reason: z.string().nullable(),
  correction: z.boolean().describe("False for the review of a proposal; true for a change to a published record"),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const revisionsQuerySchema = z
  .object({
    record_type: z.enum(["fact", "event"]),
    record_id: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
    updated_since: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(API_PAGE_SIZE.max).default(API_PAGE_SIZE.default),
  })
  .strict();

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

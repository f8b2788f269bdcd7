// zod schemas for the seed files in prisma/seed-data: a malformed file fails with a message
// naming the field, before anything is written.
import { z } from "zod";
import { Bound, EntityKind, EventType } from "@/lib/generated/prisma/enums";
import { fromLegacyMetric } from "@/lib/metrics/registry";
import { isUnitKey } from "@/lib/metrics/units";

// The data files keep the curated sets' own metric keys (Chipwatch 0.1's, as in shared/data); the
// registry maps each to a concept with its qualifiers (LEGACY_METRICS).
const metricKeySchema = z.string().refine((key) => fromLegacyMetric(key) !== undefined, {
  error: (issue) => `unknown metric "${String(issue.input)}": map it in LEGACY_METRICS in lib/metrics/registry.ts`,
});
const unitSchema = z.string().refine(isUnitKey, { error: (issue) => `unknown unit "${String(issue.input)}": see lib/metrics/units.ts` });
const partialDateSchema = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "expected YYYY-MM or YYYY-MM-DD");

export const seedEntitySchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(EntityKind),
  country: z.string().length(2).nullable().optional(),
  aliases: z.array(z.string().min(1)),
  parent: z.string().optional(),
  vendor: z.string().optional(),
});
export type SeedEntity = z.infer<typeof seedEntitySchema>;

const curatedFactSchema = z.object({
  metric: metricKeySchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: unitSchema,
  approx: z.boolean(),
  // As the source words it ("more than $140 million" is at_least); curated, never inferred.
  bound: z.enum(Bound),
  subject: z.string().min(1),
  object: z.string().nullable(),
});

export const curatedEventSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  date: partialDateSchema,
  title: z.string().min(1),
  type: z.enum(EventType),
  companies: z.array(z.string().min(1)).min(1),
  countries: z.array(z.string().length(2)),
  facts: z.array(curatedFactSchema),
  source: z.object({
    url: z.url(),
    outlet: z.string().min(1),
    published: partialDateSchema.nullable(),
    quote: z.string().min(1),
  }),
});
export type CuratedEvent = z.infer<typeof curatedEventSchema>;

export const specRowSchema = z.object({
  name: z.string().min(1),
  vendor: z.string().min(1),
  kind: z.enum(["chip", "system"]),
  metric: metricKeySchema,
  value: z.number(),
  unit: unitSchema,
  approx: z.boolean(),
  bound: z.enum(Bound),
  source: z.object({ url: z.url(), quote: z.string().min(1) }),
});
export type SpecRow = z.infer<typeof specRowSchema>;

export const evidenceSchema = z.object({
  events: z.record(
    z.string(),
    z.object({
      source_id: z.string(),
      facts: z.array(z.object({ metric: z.string(), span: z.string().min(1), token: z.string().min(1) })),
    }),
  ),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const seedArticleSchema = z.object({
  article: z.object({
    title: z.string().min(1),
    outlet: z.string().min(1),
    url: z.url(),
    publishedAt: partialDateSchema,
    textFile: z.string().min(1),
  }),
  facts: z.array(
    z.object({
      event: z.string().min(1),
      metric: metricKeySchema,
      value: z.number(),
      valueMax: z.number().optional(),
      unit: z.string().min(1),
      bound: z.enum(Bound),
      subject: z.string().min(1),
      object: z.string().nullable(),
      date: partialDateSchema.optional(),
      quote: z.string().min(1),
    }),
  ),
});
export type SeedArticle = z.infer<typeof seedArticleSchema>;

// zod schemas of what an editor submits: an article to analyse, then the reviewed facts to save.
// One schema per boundary, shared by the form, the server actions and the import CLI.
import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/database/ids";
import { Bound, EntityKind, EventType, FactStatus } from "@/lib/generated/prisma/enums";
import { getMetric, isMetricKey, qualifierProblem } from "@/lib/metrics/registry";
import { isUnitKey, KNOWN_UNITS, unitInfo, unitsOf } from "@/lib/metrics/units";

export const MAX_ARTICLE_CHARS = 400_000;

/** The subject label of a fact whose sentence names no subject the extractor could attribute. */
export const UNATTRIBUTED = "(unattributed)";

export const articleInputSchema = z.object({
  text: z
    .string()
    .trim()
    .min(40, "Paste the article text (at least 40 characters).")
    .max(MAX_ARTICLE_CHARS, `Articles longer than ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters are not accepted.`),
  url: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" })]).transform((value) => value || null),
  title: z
    .string()
    .trim()
    .max(300, "Titles are at most 300 characters.")
    .transform((value) => value || null),
  outlet: z
    .string()
    .trim()
    .max(120, "Outlet names are at most 120 characters.")
    .transform((value) => value || null),
  publishedAt: z
    .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")])
    .refine((value) => !value || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Not a real date.")
    .transform((value) => value || null),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Use YYYY, YYYY-MM or YYYY-MM-DD.");

/** A proposal as the extractor made it, kept with the editor's decision (review_decisions). */
export const proposalSchema = z.object({
  metric: z.string().max(80),
  value: z.number().finite(),
  valueMax: z.number().finite().nullable(),
  unit: z.string().max(20),
  bound: z.string().max(20),
  subject: z.string().max(200).nullable(),
  object: z.string().max(200).nullable(),
  date: z.string().max(10).nullable(),
  quote: z.string().max(5_000),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  confidence: z.number().min(0).max(1).nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const reviewedFactSchema = z
  .object({
    metric: z.string().refine(isMetricKey, "Pick a metric from the list."),
    qualifiers: z.record(z.string(), z.string()).default({}),
    status: z.enum(FactStatus).default("actual"),
    value: z.number({ error: "Enter a number." }).finite(),
    valueMax: z.number().finite().nullable(),
    bound: z.enum(Bound),
    unit: z
      .string()
      .trim()
      .refine((unit: string): boolean => isUnitKey(unit), `Use a unit Chipwatch knows (${KNOWN_UNITS.join(", ")}).`),
    subject: z.string().trim().min(1, "Name the subject.").max(200),
    object: z.string().trim().max(200).nullable(),
    date: partialDate.nullable(),
    quote: z.string().min(1).max(5_000),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** Index into the submission's new events, or an existing event's id. */
    event: z.union([z.object({ newEvent: z.number().int().min(0) }), z.object({ eventId: z.number().int().min(1).max(MAX_ROW_ID) }), z.null()]),
    edited: z.boolean(),
    /** What the extractor proposed: its confidence, its subject (to learn from a correction), the other quotes. */
    confidence: z.number().min(0).max(1).nullable().default(null),
    proposedSubject: z.string().trim().max(200).nullable().default(null),
    proposal: proposalSchema.nullable().default(null),
    extraQuotes: z
      .array(z.object({ quote: z.string().min(1).max(5_000), start: z.number().int().min(0), end: z.number().int().min(1) }))
      .max(50)
      .default([]),
  })
  .refine((fact) => fact.end > fact.start, { message: "The quote's offsets are reversed.", path: ["end"] })
  .superRefine((fact, context) => {
    const problem = qualifierProblem(fact.metric, fact.qualifiers);
    if (problem) context.addIssue({ code: "custom", message: problem, path: ["qualifiers"] });
    const dimension = getMetric(fact.metric)?.dimension;
    if (dimension && unitInfo(fact.unit)?.dimension !== dimension)
      context.addIssue({ code: "custom", message: `${getMetric(fact.metric)!.label} is stated in ${unitsOf(dimension).join(", ")}.`, path: ["unit"] });
  })
  .refine((fact) => fact.valueMax === null || fact.valueMax > fact.value, { message: "A range's upper end must be above its lower end.", path: ["valueMax"] });
export type ReviewedFact = z.infer<typeof reviewedFactSchema>;

export const newEventSchema = z.object({
  title: z.string().trim().min(5, "Give the event a title.").max(300),
  type: z.enum(EventType),
  date: partialDate,
});

export type NewEvent = z.infer<typeof newEventSchema>;

/** Names the extractor did not know: a new entity, or another name (alias) of a known one. */
export const entityProposalSchema = z.union([
  z.object({ name: z.string().trim().min(2).max(200), kind: z.enum(EntityKind) }),
  z.object({ alias: z.string().trim().min(2).max(200), of: z.string().trim().min(1).max(200) }),
]);

export const submissionSchema = z.object({
  article: articleInputSchema,
  entities: z.array(entityProposalSchema).max(200).default([]),
  facts: z.array(reviewedFactSchema).max(2_000),
  /** Proposals the editor rejected: kept as decisions, never as facts. */
  rejected: z.array(proposalSchema).max(2_000).default([]),
  events: z.array(newEventSchema).max(200),
  /** pending: facts wait in the review queue (bulk import); accepted: reviewed on /ingest. */
  reviewStatus: z.enum(["accepted", "pending"]),
});
export type Submission = z.infer<typeof submissionSchema>;

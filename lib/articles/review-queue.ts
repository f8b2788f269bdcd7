// The review queue: which pending facts an editor sees (filtered by feed, outlet, kind and
// confidence, from the URL), each beside the sentence that states it, and for each article in view
// the stored events it may report on. One zod schema for the URL's filters.
import { z } from "zod";
import { db } from "@/lib/db";
import { rowIdSchema } from "@/lib/database/ids";
import { suggestEvents, type EventSuggestion } from "@/lib/events/matching";
import { isoDay } from "@/lib/events/partial-date";
import { candidateEventsFor } from "@/lib/events/queries";
import { kindOfMetric } from "@/lib/extract/classify";
import { EXTRACTION_KINDS, type ExtractionKind } from "@/lib/extract/kinds";
import { FACT_FIGURE_SELECT, figureAmount, figureLabel } from "@/lib/facts/figure";
import type { Prisma } from "@/lib/generated/prisma/client";
import { metricsOfKind } from "@/lib/metrics/registry";

export const CONFIDENCE_STEPS = [0, 0.5, 0.75, 0.9, 0.95] as const;

export const reviewFiltersSchema = z.object({
  feed: rowIdSchema.optional().catch(undefined),
  outlet: z.string().trim().min(1).max(120).optional().catch(undefined),
  kind: z.enum(EXTRACTION_KINDS).optional().catch(undefined),
  confidence: z.coerce
    .number()
    .refine((value) => (CONFIDENCE_STEPS as readonly number[]).includes(value))
    .optional()
    .catch(undefined),
});
export type ReviewFilters = z.infer<typeof reviewFiltersSchema>;

export function pendingWhere(filters: ReviewFilters): Prisma.FactWhereInput {
  return {
    reviewStatus: "pending",
    ...(filters.outlet || filters.feed
      ? { article: { ...(filters.outlet ? { outlet: filters.outlet } : {}), ...(filters.feed ? { feedItems: { some: { feedId: filters.feed } } } : {}) } }
      : {}),
    ...(filters.kind ? { metric: { in: metricsOfKind(filters.kind) } } : {}),
    ...(filters.confidence ? { confidence: { gte: filters.confidence } } : {}),
  };
}

export type PendingFact = Awaited<ReturnType<typeof pendingFacts>>["facts"][number];

/** The queue's page: oldest first, each with the sentence around its quote (quote marked). */
export async function pendingFacts(filters: ReviewFilters, take = 50) {
  const where = pendingWhere(filters);
  const [rows, total, outlets, feeds, events] = await Promise.all([
    db.fact.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        ...FACT_FIGURE_SELECT,
        quote: true,
        quoteStart: true,
        quoteEnd: true,
        subjectLabel: true,
        confidence: true,
        articleId: true,
        article: { select: { id: true, title: true, outlet: true, sourceKind: true } },
      },
    }),
    db.fact.count({ where }),
    db.article.findMany({
      where: { facts: { some: { reviewStatus: "pending" } }, outlet: { not: null } },
      distinct: ["outlet"],
      select: { outlet: true },
      orderBy: { outlet: "asc" },
    }),
    db.feed.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, url: true } }),
    // The events a fact can be filed under when accepted: the latest first.
    db.event.findMany({ orderBy: { date: "desc" }, take: 200, select: { id: true, title: true, date: true } }),
  ]);
  const texts = await articleSpans(rows.map((row) => ({ articleId: row.articleId, start: row.quoteStart, end: row.quoteEnd })));
  return {
    facts: rows.map((row) => ({ ...row, context: texts.get(`${row.articleId}:${row.quoteStart}`) ?? { before: "", quote: row.quote, after: "" } })),
    total,
    outlets: outlets.map((row) => row.outlet!),
    feeds: feeds.map((feed) => ({ id: feed.id, label: feed.title ?? feed.url })),
    events: events.map((event) => ({ id: event.id, label: `${isoDay(event.date)} · ${event.title}` })),
  };
}

export type QueueArticle = {
  id: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  facts: { id: number; label: string }[];
  suggestions: EventSuggestion[];
};

/**
 * The articles of the facts in view, each with its pending facts and the stored events it may
 * report on, ranked with their reasons (lib/events/matching.ts), so an editor files a whole article
 * under an event (or starts new events from it) in one step.
 */
export async function queueArticles(facts: PendingFact[]): Promise<QueueArticle[]> {
  const ids = [...new Set(facts.map((fact) => fact.articleId))];
  if (!ids.length) return [];
  const articles = await db.article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      outlet: true,
      publishedAt: true,
      facts: {
        where: { reviewStatus: "pending" },
        orderBy: { quoteStart: "asc" },
        select: { id: true, date: true, subjectLabel: true, objectLabel: true, ...FACT_FIGURE_SELECT },
      },
    },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  return Promise.all(
    ids.flatMap((id) => {
      const article = byId.get(id);
      if (!article) return [];
      const publishedAt = article.publishedAt ? isoDay(article.publishedAt) : null;
      const stored = article.facts.map((fact) => ({
        kind: kindOfMetric(fact.metric),
        value: Number(fact.value),
        unit: fact.unit,
        date: fact.date ? isoDay(fact.date) : null,
      }));
      const names = [...new Set(article.facts.flatMap((fact) => [fact.subjectLabel, fact.objectLabel]).filter((name): name is string => !!name))];
      const dates = [publishedAt, ...stored.map((fact) => fact.date)].filter((date): date is string => !!date);
      return [
        candidateEventsFor(dates, names).then((candidates) => ({
          id: article.id,
          title: article.title,
          outlet: article.outlet,
          publishedAt,
          facts: article.facts.map((fact) => ({ id: fact.id, label: `${figureLabel(fact)}: ${figureAmount(fact)} · ${fact.subjectLabel}` })),
          suggestions: suggestEvents({ publishedAt, facts: stored, events: [], entities: names.map((name) => ({ name })) }, candidates),
        })),
      ];
    }),
  );
}

/** Up to 200 characters either side of each quote, cut at sentence ends: read in SQL, not whole articles. */
async function articleSpans(spans: { articleId: number; start: number; end: number }[]) {
  const found = new Map<string, { before: string; quote: string; after: string }>();
  if (!spans.length) return found;
  const rows = await db.$queryRaw<{ article_id: number; start: number; before: string; quote: string; after: string }[]>`
    SELECT s.article_id, s.start,
           substr(a.text, greatest(1, s.start - 199), least(s.start, 200)) AS before,
           substr(a.text, s.start + 1, s."end" - s.start) AS quote,
           substr(a.text, s."end" + 1, 200) AS after
      FROM unnest(${spans.map((s) => s.articleId)}::int[], ${spans.map((s) => s.start)}::int[], ${spans.map((s) => s.end)}::int[]) AS s(article_id, start, "end")
      JOIN articles a ON a.id = s.article_id`;
  for (const row of rows) {
    const before = row.before.split(/(?<=[.!?])\s+|\n/).at(-1) ?? "";
    const after = row.after.split(/(?<=[.!?])\s|\n/)[0] ?? "";
    found.set(`${row.article_id}:${row.start}`, { before, quote: row.quote, after });
  }
  return found;
}

export function kindLabel(kind: ExtractionKind): string {
  return kind.replace("_", " ");
}

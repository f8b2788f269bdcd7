// Typed reads of facts: the numbers, each with the sentence and source that state it.
import { db } from "@/lib/db";
import type { Bound } from "@/lib/generated/prisma/enums";
import { metricsInFamily } from "@/lib/metrics/registry";

export type SourcedFact = {
  id: number;
  metric: string;
  value: number;
  valueMax: number | null;
  unit: string;
  bound: Bound;
  subject: string | null;
  object: string | null;
  quote: string;
  article: { id: number; url: string | null; outlet: string | null; publishedAt: string | null };
};

/**
 * Specification facts (absolute and relative) about the given chips or systems, for comparing
 * them. Relative facts are kept only when their baseline is one of the compared entities.
 */
export async function listSpecFactsFor(entitySlugs: string[]): Promise<SourcedFact[]> {
  const facts = await db.fact.findMany({
    where: {
      reviewStatus: "accepted",
      subject: { slug: { in: entitySlugs } },
      OR: [
        { metric: { in: metricsInFamily("spec") } },
        { metric: { in: metricsInFamily("relative_spec") }, object: { slug: { in: entitySlugs } } },
      ],
    },
    orderBy: [{ metric: "asc" }, { id: "asc" }],
    select: {
      id: true,
      metric: true,
      value: true,
      valueMax: true,
      unit: true,
      bound: true,
      quote: true,
      subject: { select: { slug: true } },
      object: { select: { slug: true } },
      article: { select: { id: true, url: true, outlet: true, publishedAt: true } },
    },
  });
  return facts.map((fact) => ({
    id: fact.id,
    metric: fact.metric,
    value: Number(fact.value),
    valueMax: fact.valueMax === null ? null : Number(fact.valueMax),
    unit: fact.unit,
    bound: fact.bound,
    subject: fact.subject?.slug ?? null,
    object: fact.object?.slug ?? null,
    quote: fact.quote,
    article: { ...fact.article, publishedAt: fact.article.publishedAt?.toISOString().slice(0, 10) ?? null },
  }));
}

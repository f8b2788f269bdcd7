// Typed reads of articles: the text and every fact quoted from it.
import { FACT_FIGURE_SELECT } from "@/lib/facts/figure";
import { readDb } from "@/lib/db";
import { cachedByDataVersion } from "@/lib/cache/query-cache";

/**
 * An article with its facts. Readers see accepted facts only; editors (`withUnreviewed`) also see
 * pending and rejected proposals, which are not Chipwatch's statements yet.
 */
async function getArticleWithFactsFromDatabase(id: number, withUnreviewed = false) {
  const article = await readDb.article.findUnique({
    where: { id },
    select: {
      id: true,
      url: true,
      title: true,
      outlet: true,
      sourceKind: true,
      publishedAt: true,
      text: true,
      textScope: true,
      facts: {
        where: withUnreviewed ? {} : { reviewStatus: "accepted" },
        orderBy: [{ quoteStart: "asc" }, { id: "asc" }],
        select: {
          id: true,
          ...FACT_FIGURE_SELECT,
          subjectLabel: true,
          objectLabel: true,
          quote: true,
          quoteStart: true,
          quoteEnd: true,
          reviewStatus: true,
          origin: true,
          subject: { select: { name: true, slug: true } },
          object: { select: { name: true, slug: true } },
          event: { select: { id: true, title: true } },
        },
      },
    },
  });
  if (!article) return null;
  return {
    ...article,
    publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
    facts: article.facts.map((fact) => ({
      ...fact,
      value: Number(fact.value),
      valueMax: fact.valueMax === null ? null : Number(fact.valueMax),
    })),
  };
}

export type ArticleWithFacts = NonNullable<Awaited<ReturnType<typeof getArticleWithFacts>>>;

// Cached per data version (lib/cache/query-cache.ts): pages and images repeat these reads.
export const getArticleWithFacts = cachedByDataVersion("getArticleWithFacts", getArticleWithFactsFromDatabase);

// Editors' decisions as evaluation cases: one case per article with decisions, in the format of the
// shared evaluation set (../shared/eval: {url, outlet, published, text, gold[]}), so its scorer
// (score.py) measures the extractor on what editors accepted — and on what they rejected, which
// counts against precision because it is not in the gold.
import type { db as Db } from "@/lib/db";
import { kindOfMetric } from "@/lib/extract/classify";

type Final = {
  metric: string;
  value: number;
  valueMax: number | null;
  unit: string;
  bound: string;
  subject: string | null;
  object: string | null;
  date: string | null;
  quote: string;
};
export type EvaluationCase = {
  url: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
  gold: {
    kind: string;
    subject: string | null;
    object: string | null;
    metric: string;
    value: number;
    valueMax: number | null;
    unit: string;
    approx: boolean;
    date: string | null;
    quote: string;
  }[];
  /** How many proposals editors rejected in this article (not gold: the extractor should not propose them). */
  rejected: number;
};

export async function correctionCases(db: typeof Db): Promise<EvaluationCase[]> {
  const articles = await db.article.findMany({
    where: { decisions: { some: {} } },
    orderBy: { id: "asc" },
    select: { url: true, outlet: true, publishedAt: true, text: true, decisions: { select: { decision: true, final: true }, orderBy: { id: "asc" } } },
  });
  return articles.map((article) => ({
    url: article.url,
    outlet: article.outlet,
    published: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
    text: article.text,
    gold: article.decisions
      .filter((decision) => decision.decision === "accepted" && decision.final)
      .map((decision) => {
        const final = decision.final as Final;
        return {
          kind: kindOfMetric(final.metric),
          subject: final.subject,
          object: final.object,
          metric: final.metric,
          value: final.value,
          valueMax: final.valueMax,
          unit: final.unit,
          approx: final.bound !== "exact",
          date: final.date,
          quote: final.quote,
        };
      }),
    rejected: article.decisions.filter((decision) => decision.decision === "rejected").length,
  }));
}

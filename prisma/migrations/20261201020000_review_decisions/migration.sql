-- Review at speed (issue 14): every decision on a proposed fact is kept with the proposal as the
-- extractor made it and the fact as the editor accepted it (or nothing, when rejected), so
-- `npm run data:corrections` can write the decisions out as evaluation cases.

CREATE TABLE "review_decisions" (
    "id" SERIAL NOT NULL,
    "fact_id" INTEGER,
    "article_id" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "proposal" JSONB NOT NULL,
    "final" JSONB,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_decisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_decisions_decision_check" CHECK ("decision" IN ('accepted', 'rejected')),
    CONSTRAINT "review_decisions_fact_id_fkey" FOREIGN KEY ("fact_id") REFERENCES "facts"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "review_decisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "review_decisions_article_id_idx" ON "review_decisions"("article_id");
CREATE INDEX "review_decisions_fact_id_idx" ON "review_decisions"("fact_id");

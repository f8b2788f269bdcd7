-- Extraction that learns from review (issue 13): a proposed fact keeps the extractor's confidence,
-- the other places the article states the same figure, and the subject the extractor proposed, so
-- an editor's correction can be told apart, taught to the gazetteer (as an alias) and kept as an
-- evaluation case.

ALTER TABLE "facts" ADD COLUMN "confidence" REAL;
ALTER TABLE "facts" ADD COLUMN "extra_quotes" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "facts" ADD COLUMN "proposed_subject" TEXT;
ALTER TABLE "facts" ADD CONSTRAINT "facts_confidence_range" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1));

-- The review queue offers "accept everything above a confidence" over pending facts.
CREATE INDEX "facts_review_confidence_idx" ON "facts"("review_status", "confidence");

CREATE TABLE "extraction_corrections" (
    "id" SERIAL NOT NULL,
    "fact_id" INTEGER,
    "article_id" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "proposed" TEXT,
    "corrected" TEXT NOT NULL,
    "quote_start" INTEGER NOT NULL,
    "quote_end" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "extraction_corrections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "extraction_corrections_fact_id_fkey" FOREIGN KEY ("fact_id") REFERENCES "facts"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "extraction_corrections_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "extraction_corrections_article_id_idx" ON "extraction_corrections"("article_id");

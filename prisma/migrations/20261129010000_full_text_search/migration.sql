-- Full-text search over events (title, summary) and articles (title, text), ranked by weight.
-- Generated columns: PostgreSQL keeps them current on every insert and update.

-- AlterTable
ALTER TABLE "events" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce("summary", '')), 'B')
) STORED;

-- AlterTable
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english', "text"), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "events_search_vector_idx" ON "events" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "articles_search_vector_idx" ON "articles" USING GIN ("search_vector");

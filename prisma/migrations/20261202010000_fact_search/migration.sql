-- Search that ranks (issue 15): an event matches article text only through the passages that
-- support it — the quotes of its facts (and the excerpts kept from its source page) — never from
-- anywhere in a long article. The quotes get their own search vector and index.

ALTER TABLE "facts" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "quote")) STORED;

CREATE INDEX "facts_search_vector_idx" ON "facts" USING GIN ("search_vector") WHERE "review_status" = 'accepted';

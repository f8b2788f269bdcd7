-- Search reads an article's text only where the article keeps excerpts (text_scope = 'excerpts',
-- lib/filters/scope.ts): a whole article never makes its events match. The index over every
-- article's text made PostgreSQL fetch each matching full article only to drop it (at 1M facts,
-- "export controls" fetched 10,000 article pages for no row: 75 ms). Indexing the excerpts alone
-- answers that branch from a small index.
DROP INDEX "articles_search_vector_idx";

CREATE INDEX "articles_excerpts_search_idx" ON "articles" USING GIN ("search_vector") WHERE "text_scope" = 'excerpts';

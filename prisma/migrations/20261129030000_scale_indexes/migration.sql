-- Indexes for a million facts (issue 6: page cost depends on what is shown, not on what is stored).
-- Partial indexes cannot be written in schema.prisma; tests/query-plans.test.ts checks that the
-- filtered dashboard queries never scan the facts table.

-- Full-text search finds events through every article that reports one of their facts
-- (lib/filters/scope.ts): this index answers "which events does this article report" without
-- reading the facts table.
CREATE INDEX "facts_article_id_event_id_idx" ON "facts" ("article_id", "event_id") WHERE "event_id" IS NOT NULL;

-- A company page lists its accepted facts newest first (lib/facts/queries.ts listFactsAbout):
-- read in index order, stopping after the first page, instead of sorting every fact about it.
CREATE INDEX "facts_accepted_subject_date_idx" ON "facts" ("subject_id", "date" DESC NULLS LAST, "id")
    WHERE "review_status" = 'accepted';

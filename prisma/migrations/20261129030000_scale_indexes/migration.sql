-- Indexes for a million facts (issue 6: page cost depends on what is shown, not on what is stored).
--
-- The headline sums, totals by company and timeline buckets all read the accepted facts of one
-- metric family per event. This partial index holds exactly those columns, ordered by metric and
-- event, so PostgreSQL answers from the index alone (no visit to the 1M-row table). Partial
-- indexes cannot be written in schema.prisma; tests/query-plans.test.ts checks that it is used.
CREATE INDEX "facts_accepted_figures_idx" ON "facts" ("metric", "event_id")
    INCLUDE ("subject_id", "subject_label", "unit", "value", "value_max", "bound", "date")
    WHERE "review_status" = 'accepted';


-- Full-text search finds events through every article that reports one of their facts
-- (lib/filters/scope.ts): this index answers "which events does this article report" without
-- reading the facts table.
CREATE INDEX "facts_article_id_event_id_idx" ON "facts" ("article_id", "event_id") WHERE "event_id" IS NOT NULL;

-- A company page lists its accepted facts newest first (lib/facts/queries.ts listFactsAbout):
-- read in index order, stopping after the first page, instead of sorting every fact about it.
CREATE INDEX "facts_accepted_subject_date_idx" ON "facts" ("subject_id", "date" DESC NULLS LAST, "id")
    WHERE "review_status" = 'accepted';

-- Event figures: the summed headline families (penalties, chips ordered, stockpiles, charges) as
-- one row per event and subject, kept current by triggers. Each row is what the dashboard counts
-- once for an event: when several sources report the same event's figure, the range of what they
-- reported. The overview numbers, totals by company and timeline buckets aggregate these rows
-- instead of grouping every fact on each request (issue 6: a million facts).

-- Which metrics add up into which family, in which unit: the SQL copy of the families in
-- lib/metrics/registry.ts (tests/event-figures.test.ts fails when the two differ).
CREATE TABLE "metric_families" (
    "metric" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "unit" TEXT NOT NULL,

    CONSTRAINT "metric_families_pkey" PRIMARY KEY ("metric")
);

INSERT INTO "metric_families" ("metric", "family", "unit") VALUES
    ('chips_ordered', 'chips_ordered', 'units'),
    ('h20_inventory', 'stockpile', 'units'),
    ('units_stockpiled', 'stockpile', 'units'),
    ('penalty', 'penalty', 'USD'),
    ('total_penalty', 'penalty', 'USD'),
    ('expected_charge', 'charge', 'USD'),
    ('charge', 'charge', 'USD');

CREATE TABLE "event_figures" (
    "family" TEXT NOT NULL,
    "event_id" INTEGER NOT NULL,
    "subject_key" TEXT NOT NULL,
    "subject_id" INTEGER,
    "subject_label" TEXT,
    "date" DATE NOT NULL,
    "lo" DECIMAL(24,6) NOT NULL,
    "hi" DECIMAL(24,6) NOT NULL,
    "lower_bound" BOOLEAN NOT NULL,
    "upper_bound" BOOLEAN NOT NULL,
    "approx" BOOLEAN NOT NULL,

    CONSTRAINT "event_figures_pkey" PRIMARY KEY ("family", "event_id", "subject_key")
);

CREATE INDEX "event_figures_event_id_idx" ON "event_figures"("event_id");
CREATE INDEX "event_figures_family_date_idx" ON "event_figures"("family", "date");

ALTER TABLE "event_figures" ADD CONSTRAINT "event_figures_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Recomputes the figures of the given events from their accepted facts. Writers of the same
-- events take turns (transaction-scoped advisory locks on 64 stripes of event ids, taken in order,
-- so a bulk load holds at most 64 locks and two writers cannot deadlock), and each statement below
-- sees what the previous writer committed.
CREATE FUNCTION "refresh_event_figures"(event_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    one INTEGER; -- a stripe of event ids
BEGIN
    FOR one IN SELECT DISTINCT id % 64 FROM unnest(event_ids) AS id WHERE id IS NOT NULL ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(72707370, one);
    END LOOP;
    DELETE FROM "event_figures" WHERE "event_id" = ANY(event_ids);
    INSERT INTO "event_figures" ("family", "event_id", "subject_key", "subject_id", "subject_label", "date", "lo", "hi", "lower_bound", "upper_bound", "approx")
    SELECT mf."family", f."event_id", coalesce(f."subject_id"::text, f."subject_label", ''),
           min(f."subject_id"), min(f."subject_label"), min(coalesce(f."date", e."date")),
           min(f."value"), max(coalesce(f."value_max", f."value")),
           bool_or(f."bound" = 'at_least'), bool_or(f."bound" = 'at_most'), bool_or(f."bound" = 'approx')
    FROM "facts" f
    JOIN "metric_families" mf ON mf."metric" = f."metric" AND mf."unit" = f."unit"
    JOIN "events" e ON e."id" = f."event_id"
    WHERE f."event_id" = ANY(event_ids) AND f."review_status" = 'accepted'
    GROUP BY mf."family", f."event_id", coalesce(f."subject_id"::text, f."subject_label", '');
END
$$;

CREATE FUNCTION "event_figures_after_fact_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_event_figures"(ARRAY(SELECT DISTINCT "event_id" FROM new_rows WHERE "event_id" IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION "event_figures_after_fact_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_event_figures"(ARRAY(
        SELECT "event_id" FROM old_rows WHERE "event_id" IS NOT NULL
        UNION SELECT "event_id" FROM new_rows WHERE "event_id" IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION "event_figures_after_fact_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "refresh_event_figures"(ARRAY(SELECT DISTINCT "event_id" FROM old_rows WHERE "event_id" IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION "event_figures_after_event_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A figure without a dated fact takes its event's date.
    PERFORM "refresh_event_figures"(ARRAY(
        SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."date" IS DISTINCT FROM o."date"));
    RETURN NULL;
END
$$;

CREATE FUNCTION "event_figures_after_fact_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "event_figures";
    RETURN NULL;
END
$$;

CREATE TRIGGER "facts_event_figures_insert" AFTER INSERT ON "facts"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_figures_after_fact_insert"();
CREATE TRIGGER "facts_event_figures_update" AFTER UPDATE ON "facts"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_figures_after_fact_update"();
CREATE TRIGGER "facts_event_figures_delete" AFTER DELETE ON "facts"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_figures_after_fact_delete"();
CREATE TRIGGER "facts_event_figures_truncate" AFTER TRUNCATE ON "facts"
    FOR EACH STATEMENT EXECUTE FUNCTION "event_figures_after_fact_truncate"();
CREATE TRIGGER "events_event_figures_update" AFTER UPDATE ON "events"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "event_figures_after_event_update"();

-- The figures of the facts already stored.
SELECT "refresh_event_figures"(ARRAY(SELECT DISTINCT "event_id" FROM "facts" WHERE "event_id" IS NOT NULL));

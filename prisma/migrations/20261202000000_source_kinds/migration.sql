-- Sources an analyst can trust (issue 18): the kind of every source (primary document, news
-- organisation, trade press, law-firm or analyst note, other), derived by lib/sources/kinds.ts
-- when the article is stored (and for older rows by lib/database/prepare.ts) unless an editor set
-- it; the seed data's fingerprint, so a revised seed reaches an existing database on the next
-- start; and the event figures of one or more source kinds, for the dashboard's source filter.

CREATE TYPE "SourceKind" AS ENUM ('primary', 'news', 'trade', 'analysis', 'other');

ALTER TABLE "articles" ADD COLUMN "source_kind" "SourceKind",
    ADD COLUMN "source_kind_by_editor" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "articles_source_kind_idx" ON "articles"("source_kind");

CREATE TABLE "seed_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fingerprint" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seed_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "seed_state_one_row" CHECK ("id" = 1)
);

-- The one definition of an event's figures: per family, event and subject, the range of what the
-- accepted facts report, in the family's base unit (money in US dollars). With source kinds
-- given, only facts quoted from articles of those kinds count (the source filter); without, all
-- (what the event_figures rollup stores).
CREATE FUNCTION "event_figures_of"(event_ids INTEGER[], kinds "SourceKind"[]) RETURNS TABLE (
    "family" TEXT, "event_id" INTEGER, "subject_key" TEXT, "subject_id" INTEGER, "subject_label" TEXT,
    "object_ids" INTEGER[], "currencies" TEXT[], "date" DATE, "lo" DECIMAL(24,6), "hi" DECIMAL(24,6),
    "lower_bound" BOOLEAN, "upper_bound" BOOLEAN, "approx" BOOLEAN, "unconverted" BOOLEAN
) LANGUAGE sql STABLE AS $$
    SELECT mf."family", f."event_id", coalesce(f."subject_id"::text, f."subject_label", ''),
           min(f."subject_id"), min(f."subject_label"),
           coalesce(array_agg(DISTINCT f."object_id") FILTER (WHERE f."object_id" IS NOT NULL), '{}'),
           coalesce(array_agg(DISTINCT f."unit") FILTER (WHERE u."dimension" = 'money'), '{}'),
           min(coalesce(f."date", e."date")),
           min(CASE WHEN u."dimension" = 'money' THEN f."usd_value" ELSE f."value" * u."factor"::numeric END),
           max(CASE WHEN u."dimension" = 'money' THEN coalesce(f."usd_value_max", f."usd_value")
                    ELSE coalesce(f."value_max", f."value") * u."factor"::numeric END),
           bool_or(f."bound" = 'at_least'), bool_or(f."bound" = 'at_most'), bool_or(f."bound" = 'approx'),
           bool_and(u."dimension" = 'money' AND f."usd_value" IS NULL)
    FROM "facts" f
    JOIN "metric_families" mf ON mf."metric" = f."metric" AND f."status"::text = ANY(mf."statuses")
    JOIN "units" u ON u."unit" = f."unit"
    JOIN "events" e ON e."id" = f."event_id"
    WHERE f."event_id" = ANY(event_ids) AND f."review_status" = 'accepted'
      AND (kinds IS NULL OR EXISTS (SELECT 1 FROM "articles" a WHERE a."id" = f."article_id" AND a."source_kind" = ANY(kinds)))
    GROUP BY mf."family", f."event_id", coalesce(f."subject_id"::text, f."subject_label", '')
$$;

CREATE OR REPLACE FUNCTION "refresh_event_figures"(event_ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    one INTEGER; -- a stripe of event ids
BEGIN
    FOR one IN SELECT DISTINCT id % 64 FROM unnest(event_ids) AS id WHERE id IS NOT NULL ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(72707370, one);
    END LOOP;
    DELETE FROM "event_figures" WHERE "event_id" = ANY(event_ids);
    INSERT INTO "event_figures" ("family", "event_id", "subject_key", "subject_id", "subject_label", "object_ids", "currencies",
                                 "date", "lo", "hi", "lower_bound", "upper_bound", "approx", "unconverted")
    SELECT * FROM "event_figures_of"(event_ids, NULL);
END
$$;

-- One fact model for all news (issue 11): metrics become concepts of the registry, and what a
-- metric key used to carry (product, year, market, status) becomes data on the fact. Money keeps
-- its currency and gains a US-dollar value at a monthly reference rate.
--
-- This file names no metric and no unit list: the registry, the unit table and the rate table
-- are written into `metric_families`, `units` and `usd_rates` by lib/database/reference-data.ts
-- after every migrate, which also maps the facts marked `legacy:` below to their concepts.

CREATE TYPE "FactStatus" AS ENUM ('actual', 'expected', 'estimated', 'planned', 'claimed', 'potential');

ALTER TABLE "facts"
    ADD COLUMN "qualifiers" JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN "status" "FactStatus" NOT NULL DEFAULT 'actual',
    ADD COLUMN "usd_value" DECIMAL(24,6),
    ADD COLUMN "usd_value_max" DECIMAL(24,6),
    ADD COLUMN "usd_rate" DECIMAL(20,10),
    ADD COLUMN "usd_rate_month" DATE,
    ADD COLUMN "period_start" DATE,
    ADD COLUMN "period_end" DATE,
    ADD COLUMN "period_label" TEXT,
    ADD COLUMN "product_id" INTEGER,
    ADD COLUMN "product_label" TEXT,
    ADD COLUMN "market" TEXT;

ALTER TABLE "facts" ADD CONSTRAINT "facts_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "entities"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "facts_product_id_idx" ON "facts"("product_id");

-- Two facts of one quote may now share a metric and a value and differ by qualifier (FP8 and
-- FP16 dense compute at the same figure) or by subject (what were an instance key and a general
-- key for one statement), so the idempotency key includes both.
DROP INDEX "facts_article_id_quote_start_quote_end_metric_value_key";
CREATE UNIQUE INDEX "facts_article_id_quote_start_quote_end_metric_value_qualifi_key" ON "facts"("article_id", "quote_start", "quote_end", "metric", "value", "qualifiers", "subject_label");

-- Reference tables, filled from the repository's modules after each migrate.
CREATE TABLE "units" (
    "unit" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "factor" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("unit")
);

CREATE TABLE "usd_rates" (
    "currency" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "usd_per_unit" DECIMAL(20,10) NOT NULL,

    CONSTRAINT "usd_rates_pkey" PRIMARY KEY ("currency", "month")
);

CREATE TABLE "reference_data" (
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "reference_data_pkey" PRIMARY KEY ("name")
);

DELETE FROM "metric_families";
ALTER TABLE "metric_families" DROP COLUMN "unit";
ALTER TABLE "metric_families" ADD COLUMN "statuses" TEXT[];

ALTER TABLE "event_figures"
    ADD COLUMN "object_ids" INTEGER[] DEFAULT '{}',
    ADD COLUMN "currencies" TEXT[] DEFAULT '{}',
    ADD COLUMN "unconverted" BOOLEAN NOT NULL DEFAULT false,
    ALTER COLUMN "lo" DROP NOT NULL,
    ALTER COLUMN "hi" DROP NOT NULL;

-- Money in US dollars: the rate of the fact's month (its own date, else its event's, else its
-- article's publication), or of the latest month the table has when the fact is newer; no rate
-- for currencies the table lacks or for months before it starts.
CREATE FUNCTION "facts_usd_value"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reference DATE;
    rate RECORD;
BEGIN
    NEW."usd_value" := NULL;
    NEW."usd_value_max" := NULL;
    NEW."usd_rate" := NULL;
    NEW."usd_rate_month" := NULL;
    IF NOT EXISTS (SELECT 1 FROM "units" WHERE "unit" = NEW."unit" AND "dimension" = 'money') THEN
        RETURN NEW;
    END IF;
    IF NEW."unit" = 'USD' THEN
        NEW."usd_value" := NEW."value";
        NEW."usd_value_max" := NEW."value_max";
        NEW."usd_rate" := 1;
        RETURN NEW;
    END IF;
    reference := coalesce(NEW."date",
        (SELECT "date" FROM "events" WHERE "id" = NEW."event_id"),
        (SELECT "published_at" FROM "articles" WHERE "id" = NEW."article_id"),
        CURRENT_DATE);
    SELECT "month", "usd_per_unit" INTO rate FROM "usd_rates"
        WHERE "currency" = NEW."unit" AND "month" <= reference ORDER BY "month" DESC LIMIT 1;
    IF NOT FOUND THEN
        RETURN NEW;
    END IF;
    NEW."usd_value" := round(NEW."value" * rate."usd_per_unit", 6);
    NEW."usd_value_max" := round(NEW."value_max" * rate."usd_per_unit", 6);
    NEW."usd_rate" := rate."usd_per_unit";
    NEW."usd_rate_month" := rate."month";
    RETURN NEW;
END
$$;

CREATE TRIGGER "facts_usd_value" BEFORE INSERT OR UPDATE OF "value", "value_max", "unit", "date", "event_id", "article_id" ON "facts"
    FOR EACH ROW EXECUTE FUNCTION "facts_usd_value"();

-- The rollup now sums in each family's base unit (money in US dollars), counts only the statuses
-- a family counts, and keeps the counterparties and currencies behind each figure.
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
    GROUP BY mf."family", f."event_id", coalesce(f."subject_id"::text, f."subject_label", '');
END
$$;

-- Every existing fact still carries a Chipwatch 0.1 key; mark it so the registry's mapping (run
-- right after this migration) can tell old keys from concepts that happen to share a name.
UPDATE "facts" SET "metric" = 'legacy:' || "metric";
DELETE FROM "event_figures";

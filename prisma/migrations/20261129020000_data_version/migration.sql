-- A single-row counter that every write to the data tables bumps, in the writer's own
-- transaction: reading it is one primary-key lookup however many facts are stored, and a reader
-- never sees a version whose data is not yet visible. Caches of query results and rendered chart
-- images are keyed on it.

-- CreateTable
CREATE TABLE "data_version" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "data_version_single_row" CHECK ("id")
);

INSERT INTO "data_version" ("id", "version", "changed_at")
SELECT true, 1, coalesce(greatest(
    (SELECT max("updated_at") FROM "facts"),
    (SELECT max("created_at") FROM "events"),
    (SELECT max("created_at") FROM "articles")), CURRENT_TIMESTAMP);

-- Statement-level: a bulk insert of 5,000 facts bumps the version once, not 5,000 times.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "data_version" SET "version" = "version" + 1, "changed_at" = CURRENT_TIMESTAMP;
    RETURN NULL;
END
$$;

CREATE TRIGGER "articles_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "articles"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "entities_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "entities"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "events_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "event_entities_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_entities"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "facts_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "facts"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

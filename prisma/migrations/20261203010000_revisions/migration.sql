-- Corrections on the record. Every change to a fact or an event, and every deletion, leaves a
-- revision: when, which editor, why, and each changed column's value before and after. Triggers
-- write them, in the writer's own transaction, so no code path (review, editing, a script, psql)
-- can change the record without leaving one. The writer names the editor and the reason with
-- set_config('chipwatch.editor' / 'chipwatch.reason', …, true) in that transaction
-- (lib/revisions/record.ts); a change made outside the app is recorded with neither.
CREATE TABLE "revisions" (
    "id" BIGSERIAL PRIMARY KEY,
    "record_type" TEXT NOT NULL CHECK ("record_type" IN ('fact', 'event')),
    "record_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL CHECK ("action" IN ('update', 'delete')),
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    "editor" TEXT,
    "reason" TEXT,
    -- {"column": [before, after]} for the columns that changed; on delete, every column with after null.
    "changes" JSONB NOT NULL
);
CREATE INDEX "revisions_record_idx" ON "revisions" ("record_type", "record_id", "id");
CREATE INDEX "revisions_changed_at_idx" ON "revisions" ("changed_at", "id");

-- Derived columns (the US-dollar value a trigger computes from the reference rates) are left out:
-- a new rate table moves them on every money fact, and that is no correction of the record.
CREATE FUNCTION "record_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    derived TEXT[] := ARRAY['search_vector', 'updated_at', 'usd_value', 'usd_value_max', 'usd_rate', 'usd_rate_month'];
    old_row JSONB := to_jsonb(OLD) - derived;
    new_row JSONB;
    changed JSONB;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT jsonb_object_agg(key, jsonb_build_array(value, NULL)) INTO changed FROM jsonb_each(old_row);
    ELSE
        new_row := to_jsonb(NEW) - derived;
        SELECT jsonb_object_agg(o.key, jsonb_build_array(o.value, n.value)) INTO changed
        FROM jsonb_each(old_row) o JOIN jsonb_each(new_row) n USING (key)
        WHERE o.value IS DISTINCT FROM n.value;
        IF changed IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    INSERT INTO "revisions" ("record_type", "record_id", "action", "editor", "reason", "changes")
    VALUES (TG_ARGV[0], OLD.id, lower(TG_OP),
            nullif(current_setting('chipwatch.editor', true), ''),
            nullif(current_setting('chipwatch.reason', true), ''),
            changed);
    RETURN NULL;
END
$$;

CREATE TRIGGER "facts_record_revision" AFTER UPDATE OR DELETE ON "facts"
    FOR EACH ROW EXECUTE FUNCTION "record_revision"('fact');
CREATE TRIGGER "events_record_revision" AFTER UPDATE OR DELETE ON "events"
    FOR EACH ROW EXECUTE FUNCTION "record_revision"('event');

-- When a record last changed, for incremental sync (/api/v1 ?updated_since=): set by the database
-- on every update, whoever writes.
ALTER TABLE "events" ADD COLUMN "updated_at" TIMESTAMP(3);
UPDATE "events" SET "updated_at" = "created_at";
ALTER TABLE "events" ALTER COLUMN "updated_at" SET NOT NULL, ALTER COLUMN "updated_at" SET DEFAULT (now() AT TIME ZONE 'UTC');

CREATE FUNCTION "touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'search_vector' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'search_vector' - 'updated_at') THEN
        NEW."updated_at" := now() AT TIME ZONE 'UTC';
    ELSE
        NEW."updated_at" := OLD."updated_at";
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER "facts_touch_updated_at" BEFORE UPDATE ON "facts" FOR EACH ROW EXECUTE FUNCTION "touch_updated_at"();
CREATE TRIGGER "events_touch_updated_at" BEFORE UPDATE ON "events" FOR EACH ROW EXECUTE FUNCTION "touch_updated_at"();

CREATE INDEX "facts_updated_at_id_idx" ON "facts" ("updated_at", "id");
CREATE INDEX "events_updated_at_id_idx" ON "events" ("updated_at", "id");

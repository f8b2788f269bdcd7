-- An editor's say over an event's label on the timeline: true pins it (always labelled when there
-- is room), false keeps it unlabelled, NULL leaves it to the automatic choice (most facts and
-- sources first). The data-version trigger on events already covers the change.
ALTER TABLE "events" ADD COLUMN "label_pin" BOOLEAN;

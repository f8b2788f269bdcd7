-- Following feeds (issue 14): RSS 2.0, Atom and JSON Feed addresses an editor adds, polled with
-- conditional requests and backing off on errors; every item taken once. The unique (feed, item)
-- row is the claim: of two pollers (two app instances, two import processes) only the one whose
-- INSERT wins fetches and extracts the item.

CREATE TABLE "feeds" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "interval_minutes" INTEGER NOT NULL DEFAULT 60,
    "etag" TEXT,
    "last_modified" TEXT,
    "last_polled_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "next_poll_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "items_taken" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feeds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "feeds_interval_check" CHECK ("interval_minutes" BETWEEN 5 AND 10080)
);
CREATE UNIQUE INDEX "feeds_url_key" ON "feeds"("url");
CREATE INDEX "feeds_next_poll_at_idx" ON "feeds"("next_poll_at");

CREATE TABLE "feed_items" (
    "feed_id" INTEGER NOT NULL,
    "item_key" TEXT NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "state" TEXT NOT NULL DEFAULT 'taken',
    "error" TEXT,
    "article_id" INTEGER,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_items_pkey" PRIMARY KEY ("feed_id", "item_key"),
    CONSTRAINT "feed_items_state_check" CHECK ("state" IN ('taken', 'imported', 'duplicate', 'failed')),
    CONSTRAINT "feed_items_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "feeds"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "feed_items_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "feed_items_article_id_idx" ON "feed_items"("article_id");

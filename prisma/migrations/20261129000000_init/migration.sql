-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('company', 'agency', 'university', 'government', 'chip', 'system');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('export_control', 'license', 'entity_listing', 'chip_order', 'stockpile', 'penalty', 'investigation', 'product_launch', 'financial', 'policy', 'other');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'quarter', 'year');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('confirmed', 'reported', 'estimate');

-- CreateEnum
CREATE TYPE "EventRole" AS ENUM ('subject', 'counterparty', 'authority', 'product');

-- CreateEnum
CREATE TYPE "Bound" AS ENUM ('exact', 'approx', 'at_least', 'at_most', 'range');

-- CreateEnum
CREATE TYPE "FactOrigin" AS ENUM ('curated', 'extracted', 'edited');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('pending', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "TextScope" AS ENUM ('full', 'excerpts');

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "published_at" DATE,
    "text" TEXT NOT NULL,
    "text_scope" "TextScope" NOT NULL DEFAULT 'full',
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entities" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "country" CHAR(2),
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "parent_id" INTEGER,
    "vendor_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" "EventType" NOT NULL,
    "date" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "summary" TEXT,
    "claim_status" "ClaimStatus" NOT NULL DEFAULT 'reported',
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source_article_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_entities" (
    "event_id" INTEGER NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "role" "EventRole" NOT NULL,

    CONSTRAINT "event_entities_pkey" PRIMARY KEY ("event_id","entity_id")
);

-- CreateTable
CREATE TABLE "facts" (
    "id" SERIAL NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DECIMAL(24,6) NOT NULL,
    "value_max" DECIMAL(24,6),
    "bound" "Bound" NOT NULL DEFAULT 'exact',
    "unit" TEXT NOT NULL,
    "subject_id" INTEGER,
    "subject_label" TEXT NOT NULL,
    "object_id" INTEGER,
    "object_label" TEXT,
    "date" DATE,
    "date_precision" "DatePrecision",
    "article_id" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "quote_start" INTEGER NOT NULL,
    "quote_end" INTEGER NOT NULL,
    "origin" "FactOrigin" NOT NULL,
    "review_status" "ReviewStatus" NOT NULL DEFAULT 'pending',
    "event_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "facts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "articles_url_key" ON "articles"("url");

-- CreateIndex
CREATE UNIQUE INDEX "articles_content_hash_key" ON "articles"("content_hash");

-- CreateIndex
CREATE INDEX "articles_published_at_idx" ON "articles"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "entities_slug_key" ON "entities"("slug");

-- CreateIndex
CREATE INDEX "entities_kind_idx" ON "entities"("kind");

-- CreateIndex
CREATE INDEX "entities_parent_id_idx" ON "entities"("parent_id");

-- CreateIndex
CREATE INDEX "entities_vendor_id_idx" ON "entities"("vendor_id");

-- CreateIndex
CREATE INDEX "entities_aliases_idx" ON "entities" USING GIN ("aliases");

-- CreateIndex
CREATE UNIQUE INDEX "events_slug_key" ON "events"("slug");

-- CreateIndex
CREATE INDEX "events_date_id_idx" ON "events"("date", "id");

-- CreateIndex
CREATE INDEX "events_type_date_idx" ON "events"("type", "date");

-- CreateIndex
CREATE INDEX "events_countries_idx" ON "events" USING GIN ("countries");

-- CreateIndex
CREATE INDEX "events_source_article_id_idx" ON "events"("source_article_id");

-- CreateIndex
CREATE INDEX "event_entities_entity_id_event_id_idx" ON "event_entities"("entity_id", "event_id");

-- CreateIndex
CREATE INDEX "facts_metric_subject_id_idx" ON "facts"("metric", "subject_id");

-- CreateIndex
CREATE INDEX "facts_subject_id_date_idx" ON "facts"("subject_id", "date");

-- CreateIndex
CREATE INDEX "facts_object_id_idx" ON "facts"("object_id");

-- CreateIndex
CREATE INDEX "facts_event_id_idx" ON "facts"("event_id");

-- CreateIndex
CREATE INDEX "facts_review_status_created_at_idx" ON "facts"("review_status", "created_at");

-- CreateIndex
CREATE INDEX "facts_date_idx" ON "facts"("date");

-- CreateIndex
CREATE UNIQUE INDEX "facts_article_id_quote_start_quote_end_metric_value_key" ON "facts"("article_id", "quote_start", "quote_end", "metric", "value");

-- AddForeignKey
ALTER TABLE "entities" ADD CONSTRAINT "entities_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "entities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entities" ADD CONSTRAINT "entities_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "entities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_source_article_id_fkey" FOREIGN KEY ("source_article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_entities" ADD CONSTRAINT "event_entities_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_entities" ADD CONSTRAINT "event_entities_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facts" ADD CONSTRAINT "facts_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "entities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facts" ADD CONSTRAINT "facts_object_id_fkey" FOREIGN KEY ("object_id") REFERENCES "entities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facts" ADD CONSTRAINT "facts_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facts" ADD CONSTRAINT "facts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

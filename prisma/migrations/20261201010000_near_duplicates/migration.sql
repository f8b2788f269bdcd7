-- The same story from many outlets (issue 14): every article keeps a MinHash signature of its word
-- shingles (lib/articles/near-duplicate.ts) and one row per LSH band, so a new article finds the
-- stored articles that tell the same story without comparing every pair; a republished copy joins
-- the story of the first article (story_id) as a further source instead of starting a new one.
-- Signatures of existing articles are computed by the migration runner after this migration.

ALTER TABLE "articles" ADD COLUMN "story_id" INTEGER;
ALTER TABLE "articles" ADD COLUMN "minhash" INTEGER[];
ALTER TABLE "articles" ADD CONSTRAINT "articles_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "articles_story_id_idx" ON "articles"("story_id");

CREATE TABLE "article_bands" (
    "band" SMALLINT NOT NULL,
    "hash" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,

    CONSTRAINT "article_bands_pkey" PRIMARY KEY ("band", "hash", "article_id"),
    CONSTRAINT "article_bands_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "article_bands_article_id_idx" ON "article_bands"("article_id");

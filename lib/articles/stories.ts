// Stories across outlets: which stored article a new text republishes (near-duplicate.ts's
// MinHash, found through the article_bands index), and keeping every article's signature and
// bands in the database. Works on a pg client or a Prisma transaction (Queryable).
import { bandHashes, fromStored, minhash, SAME_STORY, SIGNATURE_SIZE, similarity, toStored } from "@/lib/articles/near-duplicate";
import type { Queryable } from "@/lib/database/reference-data";

export type StoryMatch = { articleId: number; storyId: number; similarity: number; title: string; outlet: string | null };

/** The stored article the text republishes (the most similar above SAME_STORY), or null. */
export async function findStory(client: Queryable, text: string, except: number | null = null): Promise<StoryMatch | null> {
  const signature = minhash(text);
  const bands = bandHashes(signature);
  const { rows } = await client.query(
    `SELECT a.id, a.story_id, a.minhash, a.title, a.outlet
       FROM articles a
      WHERE a.id IN (SELECT DISTINCT b.article_id FROM article_bands b JOIN unnest($1::smallint[], $2::int[]) AS q(band, hash) ON b.band = q.band AND b.hash = q.hash)
        AND a.id IS DISTINCT FROM $3::int`,
    [bands.map((_, band) => band), bands, except],
  );
  let best: StoryMatch | null = null;
  for (const row of rows) {
    const score = similarity(signature, fromStored(row.minhash as number[]));
    if (score >= SAME_STORY && (!best || score > best.similarity)) {
      best = { articleId: Number(row.id), storyId: Number(row.story_id ?? row.id), similarity: score, title: String(row.title), outlet: (row.outlet as string | null) ?? null };
    }
  }
  return best;
}

/** Stores an article's signature and bands (and its story, when it republishes one). */
export async function indexArticle(client: Queryable, articleId: number, text: string, storyId: number | null): Promise<void> {
  const signature = minhash(text);
  await client.query(`UPDATE articles SET minhash = $2::int[], story_id = COALESCE($3::int, story_id) WHERE id = $1`, [articleId, toStored(signature), storyId]);
  const bands = bandHashes(signature);
  await client.query(`DELETE FROM article_bands WHERE article_id = $1`, [articleId]);
  await client.query(`INSERT INTO article_bands (band, hash, article_id) SELECT band, hash, $3 FROM unnest($1::smallint[], $2::int[]) AS q(band, hash) ON CONFLICT DO NOTHING`, [
    bands.map((_, band) => band),
    bands,
    articleId,
  ]);
}

/**
 * Signatures for the articles that have none (seeded, imported by an older version, restored from
 * a backup): run after migrations and after seeding. Returns how many were indexed.
 */
export async function indexUnsignedArticles(client: Queryable, batch = 500): Promise<number> {
  let indexed = 0;
  for (;;) {
    const { rows } = await client.query(`SELECT id, text FROM articles WHERE minhash IS NULL OR cardinality(minhash) <> ${SIGNATURE_SIZE} ORDER BY id LIMIT ${batch}`);
    if (!rows.length) return indexed;
    for (const row of rows) await indexArticle(client, Number(row.id), String(row.text), null);
    indexed += rows.length;
  }
}

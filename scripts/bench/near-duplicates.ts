// npm run bench:near-duplicates -- [--articles 100000] — how long the near-duplicate check of one
// new article takes against a large store: a database of its own (chipwatch_bench_stories on
// BENCH_POSTGRES_URL, default the local PostgreSQL) holding N articles' signatures and LSH bands
// (random signatures: unrelated stories share no shingles), plus the 31 real news texts; then the
// check (lib/articles/stories.ts findStory: MinHash of the text, band lookup, similarity) for each
// real text republished (must find its original) and for as many unrelated texts (must find
// nothing). Cold for the database's plan cache only on the first query; reports p50/p95/max.
import { readFileSync } from "node:fs";
import pg from "pg";
import { bandHashes, SIGNATURE_SIZE, toStored } from "@/lib/articles/near-duplicate";
import { findStory, indexArticle } from "@/lib/articles/stories";
import { loadSharedSet, sharedSetAvailable } from "../eval/shared-set";

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const ARTICLES = Number(option("articles", "100000"));
const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";
const DATABASE = "chipwatch_bench_stories";

async function main() {
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const client = new pg.Client({ connectionString: `${SERVER}/${DATABASE}` });
  await client.connect();
  try {
    // The two tables the check reads, as the migrations create them.
    await client.query(
      `CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, outlet text, text text NOT NULL DEFAULT '', story_id int REFERENCES articles(id), minhash int[])`,
    );
    await client.query(
      `CREATE TABLE article_bands (band smallint NOT NULL, hash int NOT NULL, article_id int NOT NULL REFERENCES articles(id) ON DELETE CASCADE, PRIMARY KEY (band, hash, article_id))`,
    );
    let random = 20261201;
    const next = () => (random = (Math.imul(random, 1664525) + 1013904223) >>> 0);
    const loadStarted = performance.now();
    for (let done = 0; done < ARTICLES; done += 5000) {
      const size = Math.min(5000, ARTICLES - done);
      const signatures = Array.from({ length: size }, () => Array.from({ length: SIGNATURE_SIZE }, next));
      const { rows } = await client.query(`INSERT INTO articles (title, minhash) SELECT 'synthetic', string_to_array(s, ',')::int[] FROM unnest($1::text[]) AS s RETURNING id`, [
        signatures.map((signature) => toStored(signature).join(",")),
      ]);
      const bands = signatures.map(bandHashes);
      await client.query(
        `INSERT INTO article_bands (band, hash, article_id) SELECT b, h, a FROM unnest($1::smallint[], $2::int[], $3::int[]) AS t(b, h, a) ON CONFLICT DO NOTHING`,
        [bands.flatMap((list) => list.map((_, band) => band)), bands.flat(), rows.flatMap((row, i) => bands[i]!.map(() => row.id as number))],
      );
    }
    const texts = [...(sharedSetAvailable() ? loadSharedSet().map((doc) => doc.text) : []), readFileSync("prisma/seed-data/seed-article.txt", "utf8")];
    for (const text of texts) {
      const { rows } = await client.query(`INSERT INTO articles (title, text) VALUES ('real', $1) RETURNING id`, [text]);
      await indexArticle(client, rows[0].id as number, text, null);
    }
    await client.query("ANALYZE");
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const republished = texts.map(
      (text) =>
        `Republished by another outlet\n\n${text
          .split(/\n\s*\n/)
          .slice(0, -1)
          .join("\n\n")}\n\nAll rights reserved.`,
    );
    const unrelated = texts.map((text) => text.split(/\s+/).reverse().join(" ")); // same words, no shared 5-word runs
    const timings: number[] = [];
    let found = 0;
    let falseMatches = 0;
    for (const [i, text] of [...republished, ...unrelated].entries()) {
      const started = performance.now();
      const match = await findStory(client, text);
      timings.push(performance.now() - started);
      if (i < republished.length && match) found++;
      if (i >= republished.length && match) falseMatches++;
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
    console.log(`| stored articles | checks | copies found | false matches | p50 | p95 | max | target |`);
    console.log(`|---|---|---|---|---|---|---|---|`);
    console.log(
      `| ${(ARTICLES + texts.length).toLocaleString("en-US")} | ${timings.length} | ${found} of ${republished.length} | ${falseMatches} of ${unrelated.length} | ${at(0.5)} ms | ${at(0.95)} ms | ${sorted.at(-1)!.toFixed(2)} ms | ≤ 5 ms |`,
    );
    console.log(`\n(loading the store took ${loadSeconds.toFixed(0)} s; each check computes the text's MinHash and reads the database)`);
  } finally {
    await client.end();
    const cleanup = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await cleanup.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
